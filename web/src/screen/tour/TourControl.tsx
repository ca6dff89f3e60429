// Tour mode for unattended walls: every ~12 s the next stop of the plan (red and orange alerts, then the
// districts) goes to `onStop`; the screen flies there. Pauses by itself when someone clicks, scrolls or types.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Districts } from '../../data/districts.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ActiveAlert } from '../types.ts';
import {
  nextStopIndex,
  planTour,
  stopKey,
  TOUR_INTERVAL_MS,
  type TourPosition,
  type TourStop,
} from './tour-plan.ts';

export type { TourStop };

export interface TourControlProps {
  alerts: readonly ActiveAlert[];
  districts: Districts | null;
  onStop: (stop: TourStop) => void;
  /** Start touring at once (e.g. a wall that boots unattended). */
  initialPlaying?: boolean;
  intervalMs?: number;
}

export function TourControl({
  alerts,
  districts,
  onStop,
  initialPlaying = false,
  intervalMs = TOUR_INTERVAL_MS,
}: TourControlProps) {
  const { t, locale } = useI18n();
  const [playing, setPlaying] = useState(initialPlaying);
  const [current, setCurrent] = useState<{ stop: TourStop; index: number; total: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const codes = useMemo(
    () => (districts?.features ?? []).map((f) => f.properties.code).sort((a, b) => a.localeCompare(b)),
    [districts],
  );
  const names = useMemo(
    () =>
      new Map(
        (districts?.features ?? []).map((f) => [
          f.properties.code,
          locale === 'en' ? (f.properties.nameEn ?? f.properties.name) : f.properties.name,
        ]),
      ),
    [districts, locale],
  );
  // The interval reads the newest plan and callbacks without restarting.
  const plan = useMemo(() => planTour(alerts, codes), [alerts, codes]);
  const latest = useRef({ plan, onStop });
  latest.current = { plan, onStop };

  useEffect(() => {
    if (!playing) return;
    let last: TourPosition | null = null;
    const step = () => {
      const { plan: stops, onStop: emit } = latest.current;
      const index = nextStopIndex(stops, last);
      const stop = index >= 0 ? stops[index] : undefined;
      if (!stop) return;
      last = { key: stopKey(stop), index };
      setCurrent({ stop, index, total: stops.length });
      emit(stop);
    };
    step();
    const timer = setInterval(step, intervalMs);
    return () => clearInterval(timer);
  }, [playing, intervalMs]);

  // Someone at the wall: stop touring (the tour button itself excepted).
  useEffect(() => {
    if (!playing) return;
    const pause = (e: Event) => {
      if (e.target instanceof Node && root.current?.contains(e.target)) return;
      setPlaying(false);
    };
    const options = { capture: true, passive: true };
    for (const type of ['pointerdown', 'keydown', 'wheel'] as const)
      window.addEventListener(type, pause, options);
    return () => {
      for (const type of ['pointerdown', 'keydown', 'wheel'] as const) {
        window.removeEventListener(type, pause, options);
      }
    };
  }, [playing]);

  return (
    <div className={`tour${playing ? ' touring' : ''}`} data-testid="tour" ref={root}>
      <button
        type="button"
        className="sc-button tour-toggle"
        data-testid="tour-toggle"
        aria-pressed={playing}
        onClick={() => setPlaying((p) => !p)}
      >
        {playing ? t('screenTourPause') : t('screenTourPlay')}
      </button>
      {playing && current && (
        <span className="tour-where" data-testid="tour-stop" data-stop={stopKey(current.stop)}>
          {t('screenTourAt', { i: current.index + 1, n: current.total })}{' '}
          {current.stop.type === 'alert'
            ? `${t(`severity_${current.stop.alert.severity}`)} · ${
                locale === 'en' ? current.stop.alert.ruleNameEn : current.stop.alert.ruleName
              }`
            : (names.get(current.stop.code) ?? current.stop.code)}
        </span>
      )}
    </div>
  );
}
