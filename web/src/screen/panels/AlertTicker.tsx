// The bottom ticker: the newest alert events, newest first (severity, China time, rule, district and asset,
// reading); a click opens the alert. In replay it lists the alerts active at the replayed instant.
import type { Districts } from '../../data/districts.ts';
import { formatTime } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TickerItem } from '../live/alert-list.ts';
import type { Selection } from '../types.ts';
import { areaName } from './area-name.ts';

export interface AlertTickerProps {
  items: readonly TickerItem[];
  /** Set while replaying: the items are then the alerts active at that instant. */
  replayAt: Date | null;
  districts: Districts | null;
  onSelect: (selection: Selection) => void;
}

export function AlertTicker({ items, replayAt, districts, onSelect }: AlertTickerProps) {
  const { t, locale, formatNumber } = useI18n();
  return (
    <section
      className={`ticker${replayAt ? ' ticker-replay' : ''}`}
      data-testid="alert-ticker"
      aria-label={t('screenTicker')}
    >
      <h2 className="ticker-title">
        {replayAt ? t('screenTickerReplay', { time: formatTime(replayAt, false) }) : t('screenTicker')}
      </h2>
      {items.length === 0 && <p className="ticker-empty">{t('screenTickerEmpty')}</p>}
      <ol className="ticker-items">
        {items.map((item) => (
          <li key={item.key}>
            <button
              type="button"
              className={`ticker-item kind-${item.kind}`}
              data-alert-id={item.alertId}
              data-severity={item.severity}
              onClick={() => onSelect({ type: 'alert', id: item.alertId })}
            >
              <span className="sev-chip" style={{ background: `var(--sev-${item.severity})` }}>
                {t(`severity_${item.severity}`)}
              </span>
              <time className="mono" dateTime={item.at}>
                {formatTime(item.at)}
              </time>
              {!replayAt && item.kind !== 'FIRED' && (
                <span className="ticker-kind">{t(`screenEvent_${item.kind}`)}</span>
              )}
              <span className="ticker-rule">{locale === 'en' ? item.ruleNameEn : item.ruleName}</span>
              <span className="ticker-where">
                {[item.districtCode && areaName(item.districtCode, districts, locale, ''), item.assetCode]
                  .filter(Boolean)
                  .join(' · ') || '—'}
              </span>
              {item.value !== null && <span className="ticker-value mono">{formatNumber(item.value)}</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
