// Active alerts, newest first, coloured by severity (蓝/黄/橙/红). The selected alert offers 确认 (acknowledge),
// 升级 (escalate) and 立案 (open a case), each with a short form.
import { type FormEvent, useState } from 'react';
import type { AlertRow } from '../data/alerts.ts';
import { formatDateTime } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export type AlertMode = 'ack' | 'escalate' | 'case';

interface Props {
  rows: AlertRow[] | undefined;
  total: number;
  error: Error | null;
  fresh: ReadonlySet<string>;
  selectedId: string | null;
  mode: AlertMode | null;
  onSelect: (id: string) => void;
  onMode: (mode: AlertMode | null) => void;
  onSubmit: (alert: AlertRow, mode: AlertMode, text: string) => Promise<void>;
  onFocusPane: () => void;
}

export function AlertQueue(props: Props) {
  const { t, locale } = useI18n();
  const { rows, selectedId, mode } = props;
  return (
    <section className="pane alert-pane" aria-label={t('alertQueue')} data-testid="alert-queue">
      <header className="pane-head">
        <h2>{t('alertQueue')}</h2>
        {rows && <span className="pane-count">{t('alertsCount', { n: props.total })}</span>}
      </header>
      {props.error && (
        <p className="error" role="alert">
          {t('requestFailed')}
          {props.error.message}
        </p>
      )}
      {rows && rows.length === 0 && <p className="empty">{t('alertsEmpty')}</p>}
      {rows && props.total > rows.length && (
        <p className="more">{t('showingFirst', { shown: rows.length, n: props.total })}</p>
      )}
      <ul className="rows" onFocus={props.onFocusPane}>
        {rows?.map((a) => {
          const selected = a.id === selectedId;
          const rule = locale === 'en' ? a.rule.nameEn : a.rule.name;
          return (
            <li key={a.id}>
              <button
                type="button"
                className={`alert-row sev-${a.severity}${selected ? ' selected' : ''}`}
                data-row-id={a.id}
                data-testid="alert-row"
                data-device={a.device?.code ?? ''}
                aria-current={selected}
                onClick={() => props.onSelect(a.id)}
              >
                <span className={`sev-chip sev-${a.severity}`}>{t(`severity_${a.severity}`)}</span>
                <span className="alert-main">
                  <span className="alert-rule">
                    {rule}
                    {props.fresh.has(a.id) && <em className="fresh">{t('alertNew')}</em>}
                  </span>
                  <span className="alert-where">
                    {a.asset ? `${a.asset.name} · ${a.asset.code}` : '—'}
                    {a.device ? ` · ${a.device.code}` : ''}
                  </span>
                  <span className="alert-meta">
                    {formatDateTime(a.startedAt)}
                    {a.lastValue !== null && ` · ${t('alertValue', { value: a.lastValue })}`}
                  </span>
                </span>
                <span className="alert-flags">
                  <span className={a.acknowledged ? 'flag ok' : 'flag todo'}>
                    {a.acknowledged ? t('alertAcked') : t('alertUnacked')}
                  </span>
                  {a.escalationLevel > 0 && (
                    <span className="flag up">{t('alertEscalated', { n: a.escalationLevel })}</span>
                  )}
                </span>
              </button>
              {selected && (
                <div className="alert-actions">
                  {!a.acknowledged && (
                    <button type="button" data-testid="alert-ack" onClick={() => props.onMode('ack')}>
                      {t('acknowledge')} <kbd>a</kbd>
                    </button>
                  )}
                  <button type="button" data-testid="alert-escalate" onClick={() => props.onMode('escalate')}>
                    {t('escalate')} <kbd>e</kbd>
                  </button>
                  <button type="button" data-testid="alert-case" onClick={() => props.onMode('case')}>
                    {t('openCase')} <kbd>c</kbd>
                  </button>
                </div>
              )}
              {selected && mode && (
                <AlertForm
                  key={mode}
                  alert={a}
                  mode={mode}
                  onCancel={() => props.onMode(null)}
                  onSubmit={props.onSubmit}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AlertForm({
  alert,
  mode,
  onCancel,
  onSubmit,
}: {
  alert: AlertRow;
  mode: AlertMode;
  onCancel: () => void;
  onSubmit: Props['onSubmit'];
}) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() =>
    mode === 'case'
      ? t('caseFromAlert', {
          rule: locale === 'en' ? alert.rule.nameEn : alert.rule.name,
          asset: alert.asset ? `${alert.asset.name}（${alert.asset.code}）` : (alert.device?.code ?? ''),
          value: alert.lastValue === null ? '' : t('alertValue', { value: alert.lastValue }),
        })
      : '',
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('commentRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(alert, mode, text.trim());
    } catch (e) {
      setError(`${t('actionFailed')}${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  const label = mode === 'ack' ? t('acknowledge') : mode === 'escalate' ? t('escalate') : t('openCase');
  return (
    <form
      className="inline-form"
      data-testid="alert-form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <label>
        {mode === 'case' ? t('description') : t('comment')}
        <textarea
          // biome-ignore lint/a11y/noAutofocus: the form opens on a key press; typing goes straight in
          autoFocus
          name="comment"
          rows={mode === 'case' ? 3 : 2}
          maxLength={2000}
          value={text}
          placeholder={
            mode === 'ack' ? t('ackPlaceholder') : mode === 'escalate' ? t('escalatePlaceholder') : ''
          }
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy} data-testid="alert-form-submit">
          {busy ? t('working') : label}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
