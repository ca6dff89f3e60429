// Replay of the last 24 hours: a slider with China-time hour ticks and a 实时 (live) button. While replaying,
// the bar says so clearly (回放 14:00). The chosen instant goes out after the slider rests a moment.
import { useEffect, useRef, useState } from 'react';
import { useNow } from '../../data/useQuery.ts';
import { cstHour, floorHour, formatMonthDay, formatTime, HOUR_MS, sameCstDay } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const SPAN_MS = 24 * HOUR_MS;
const STEP_MIN = 5;
const EMIT_AFTER_MS = 250;

export interface ReplayBarProps {
  replayAt: Date | null;
  onChange: (replayAt: Date | null) => void;
}

export function ReplayBar({ replayAt, onChange }: ReplayBarProps) {
  const { t } = useI18n();
  const now = useNow(60_000);
  const start = now - SPAN_MS;
  const toMinutes = (ms: number) => Math.round((ms - start) / 60_000);
  const max = toMinutes(now);
  // While dragging, the slider shows its own position; the instant is sent after a short rest.
  const [dragging, setDragging] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const value = dragging ?? (replayAt ? Math.max(0, toMinutes(replayAt.getTime())) : max);

  const choose = (minutes: number) => {
    setDragging(minutes);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      setDragging(null);
      onChange(minutes >= max ? null : new Date(start + minutes * 60_000));
    }, EMIT_AFTER_MS);
  };
  const live = () => {
    if (timer.current) clearTimeout(timer.current);
    setDragging(null);
    onChange(null);
  };

  const shown = dragging !== null ? start + dragging * 60_000 : (replayAt?.getTime() ?? null);
  const label =
    shown === null
      ? t('screenLive')
      : t('screenReplayAt', {
          time: `${sameCstDay(shown, now) ? '' : `${formatMonthDay(shown)} `}${formatTime(shown, false)}`,
        });
  const ticks: number[] = [];
  for (let h = floorHour(start) + HOUR_MS; h <= now; h += HOUR_MS) ticks.push(h);

  return (
    <section
      className={`replay${replayAt ? ' replaying' : ''}`}
      data-testid="replay"
      data-mode={replayAt ? 'replay' : 'live'}
      aria-label={t('screenReplay')}
    >
      <span className="replay-state" data-testid="replay-state" aria-live="polite">
        {label}
      </span>
      <div className="replay-track">
        <input
          type="range"
          min={0}
          max={max}
          step={STEP_MIN}
          value={value}
          aria-label={t('screenReplaySlider')}
          aria-valuetext={label}
          data-testid="replay-slider"
          onChange={(e) => choose(Number(e.target.value))}
        />
        <div className="replay-ticks" aria-hidden="true">
          {ticks.map((h) => (
            <span
              key={h}
              className={cstHour(h) % 3 === 0 ? 'tick major' : 'tick'}
              style={{ left: `${((h - start) / SPAN_MS) * 100}%` }}
            >
              {cstHour(h) % 3 === 0 ? formatTime(h, false) : ''}
            </span>
          ))}
        </div>
      </div>
      <button
        type="button"
        className={`sc-button replay-live${replayAt ? '' : ' active'}`}
        data-testid="replay-live"
        aria-pressed={!replayAt}
        onClick={live}
      >
        {t('screenLive')}
      </button>
    </section>
  );
}
