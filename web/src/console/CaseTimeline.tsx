// Every step of a case, oldest first: the action in the duty officers' words, who, when, the comment and
// any photos.
import { useState } from 'react';
import type { CaseEvent } from '../data/cases.ts';
import { formatDateTime } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** The label key of an event's action ("report", "verify_fail", …). */
export const actionKey = (action: string) => `action_${action.toUpperCase()}` as MessageKey;

export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useI18n();
  return (
    <ol className="timeline" data-testid="case-timeline">
      {events.map((e) => (
        <li key={e.id} className={`tl-${e.action}`} data-action={e.action}>
          <div className="tl-head">
            <b>{t(actionKey(e.action)) ?? e.action}</b>
            {e.fromState !== e.toState && (
              <span className={`state-chip st-${e.toState}`}>{t(`state_${e.toState}`)}</span>
            )}
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          </div>
          <div className="tl-actor">{e.actor}</div>
          {e.comment && <p className="tl-comment">{e.comment}</p>}
          {e.attachments.length > 0 && <Thumbnails items={e.attachments} />}
        </li>
      ))}
    </ol>
  );
}

export function Thumbnails({ items }: { items: { id: string; url: string }[] }) {
  return (
    <div className="thumbs">
      {items.map((a) => (
        <Thumbnail key={a.id} url={a.url} />
      ))}
    </div>
  );
}

/** A photo, or a plain link when the file is not an image (a PDF, say: attachments carry no type). */
function Thumbnail({ url }: { url: string }) {
  const { t } = useI18n();
  const [broken, setBroken] = useState(false);
  return (
    <a href={url} target="_blank" rel="noreferrer" className={broken ? 'file' : ''}>
      {broken ? (
        t('attachment')
      ) : (
        <img src={url} alt="" data-testid="evidence-img" onError={() => setBroken(true)} />
      )}
    </a>
  );
}
