// A clear banner while the live connection is down: how old the data on the wall is, and that it is
// reconnecting (sse.ts reconnects by itself; useActiveAlerts then reloads). Nothing while live; a brief
// 'connecting' (e.g. back from replay) shows nothing either.
import { useEffect, useState } from 'react';
import { useNow } from '../../data/useQuery.ts';
import { agoParts } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Connection } from '../types.ts';

/** A connection that is only connecting shows the banner after this long; a lost one at once. */
const CONNECTING_GRACE_MS = 2000;

export function ConnectionBanner({ connection }: { connection: Connection }) {
  const { t } = useI18n();
  const now = useNow(1000);
  const live = connection.status === 'live';
  const [downSince, setDownSince] = useState<number | null>(null);
  useEffect(() => setDownSince(live ? null : Date.now()), [live]);

  if (live) return null;
  if (connection.status === 'connecting' && (downSince === null || now - downSince < CONNECTING_GRACE_MS)) {
    return null;
  }
  let text: string;
  if (connection.dataAt === null) {
    text = connection.status === 'connecting' ? t('screenConnecting') : t('screenRetryingNoData');
  } else {
    const ago = agoParts(Math.max(0, now - connection.dataAt));
    const age =
      ago.unit === 'seconds' ? t('screenSecondsAgo', { n: ago.n }) : t('screenMinutesAgo', { n: ago.n });
    text = t('screenConnectionLost', { age });
  }
  return (
    <div
      className={`conn-banner${connection.dataAt === null ? ' conn-connecting' : ''}`}
      data-testid="connection-banner"
      data-status={connection.status}
      role="alert"
    >
      <span className="conn-dot" aria-hidden="true" />
      {text}
    </div>
  );
}
