// The time range: preset buttons (ending now) or whole China Standard Time days from–to.

import { formatFullDay } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TimeRange } from '../contract.ts';
import { PRESETS, type Preset } from '../url-state.ts';
import { customRange, rangeInputs } from './range-inputs.ts';

export interface RangeControlProps {
  range: TimeRange;
  onPreset: (preset: Preset) => void;
  onRange: (range: TimeRange) => void;
}

export function RangeControl({ range, onPreset, onRange }: RangeControlProps) {
  const { t, locale } = useI18n();
  const inputs = rangeInputs(range);
  const withTime = range.preset === '24h';
  const change = (which: 'from' | 'to', value: string) => {
    const next = customRange(
      which === 'from' ? value : inputs.from,
      which === 'to' ? value : inputs.to,
      which,
    );
    if (next) onRange(next);
  };
  return (
    <section className="am-section am-range" aria-labelledby="am-range-title">
      <h2 id="am-range-title">{t('amRange')}</h2>
      <div className="am-presets">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            data-preset={p}
            aria-pressed={range.preset === p}
            onClick={() => onPreset(p)}
          >
            {t(`amRange_${p}`)}
          </button>
        ))}
      </div>
      <div className="am-row am-dates">
        <label>
          <span>{t('amRangeFrom')}</span>
          <input
            type="date"
            data-testid="range-from"
            value={inputs.from}
            max={inputs.to}
            onChange={(e) => change('from', e.target.value)}
          />
        </label>
        <label>
          <span>{t('amRangeTo')}</span>
          <input
            type="date"
            data-testid="range-to"
            value={inputs.to}
            min={inputs.from}
            onChange={(e) => change('to', e.target.value)}
          />
        </label>
      </div>
      <p className="am-muted" data-testid="range-shown">
        {t('amRangeShown', {
          from: formatFullDay(range.from, locale, withTime),
          to: formatFullDay(
            range.preset === 'custom' ? new Date(Date.parse(range.to) - 1).toISOString() : range.to,
            locale,
            withTime,
          ),
        })}
      </p>
    </section>
  );
}
