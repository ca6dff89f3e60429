// A readings chart in SVG: the series (with the min–max band of each bucket), threshold lines in severity
// colours, markers such as the alert's start, a y axis with the unit and an x axis in China time.

import { decimalsFor, niceTicks, timeTicks, yRange } from '../../chart/chart-scale.ts';
import type { SeriesPoint } from '../../data/drilldown.ts';
import { formatMonthDay, formatTime, isCstMidnight } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Severity } from '../types.ts';
import type { ThresholdLine } from './thresholds.ts';

export interface ChartMarker {
  t: number;
  label: string;
  severity: Severity;
}

export interface SeriesChartProps {
  points: readonly SeriesPoint[];
  /** Points are buckets (draw their min–max band). */
  bucketed: boolean;
  from: number;
  to: number;
  unit: string;
  thresholds: readonly ThresholdLine[];
  markers?: readonly ChartMarker[];
  label: string;
}

const W = 1000;
const H = 440;
const PAD = { left: 120, right: 120, top: 44, bottom: 52 };

/** Runs of points without a gap over five times the usual spacing (so a silent device shows as a break). */
function segments(points: readonly { t: number; p: SeriesPoint }[]) {
  const gaps = points
    .slice(1)
    .map((q, i) => q.t - points[i]!.t)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const runs: { t: number; p: SeriesPoint }[][] = [];
  let run: { t: number; p: SeriesPoint }[] = [];
  for (const point of points) {
    const prev = run.at(-1);
    if (prev && usual > 0 && point.t - prev.t > usual * 5) {
      runs.push(run);
      run = [];
    }
    run.push(point);
  }
  if (run.length) runs.push(run);
  return runs;
}

export function SeriesChart(props: SeriesChartProps) {
  const { t, formatNumber } = useI18n();
  const { from, to, thresholds, bucketed } = props;
  const points = props.points
    .map((p) => ({ t: Date.parse(p.t), p }))
    .filter(({ t: ms }) => ms >= from && ms <= to)
    .sort((a, b) => a.t - b.t);
  const values = points.flatMap(({ p }) => (bucketed ? [p.min, p.max, p.value] : [p.value]));
  const [lo, hi] = yRange(values, thresholds);
  const yTicks = niceTicks(lo, hi, 5);
  const y0 = yTicks[0] ?? lo;
  const y1 = yTicks.at(-1) ?? hi;
  const decimals = decimalsFor((yTicks[1] ?? y1) - y0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (ms: number) => PAD.left + ((ms - from) / (to - from || 1)) * plotW;
  const y = (v: number) => PAD.top + plotH - ((v - y0) / (y1 - y0 || 1)) * plotH;
  const inRange = (v: number) => v >= y0 && v <= y1;
  const fmt = (v: number) => formatNumber(Number(v.toFixed(decimals)));
  const runs = segments(points);
  const xTicks = timeTicks(from, to, 6);
  const longSpan = to - from > 26 * 3_600_000;

  return (
    <svg className="series-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.label}>
      <text className="axis-unit" x={PAD.left - 12} y={PAD.top - 18} textAnchor="end">
        {props.unit ? t('screenUnit', { unit: props.unit }) : ''}
      </text>
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="tick" x={PAD.left - 12} y={y(v) + 8} textAnchor="end">
            {fmt(v)}
          </text>
        </g>
      ))}
      {xTicks.map((ms) => (
        <text key={`x${ms}`} className="tick" x={x(ms)} y={H - 14} textAnchor="middle">
          {longSpan && isCstMidnight(ms) ? formatMonthDay(ms) : formatTime(ms, false)}
        </text>
      ))}
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
      <line className="axis" x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={PAD.top + plotH} />

      {bucketed &&
        runs.map((run) => (
          <polygon
            key={`band${run[0]!.t}`}
            className="series-band"
            points={[
              ...run.map(({ t: ms, p }) => `${x(ms)},${y(p.max)}`),
              ...[...run].reverse().map(({ t: ms, p }) => `${x(ms)},${y(p.min)}`),
            ].join(' ')}
          />
        ))}
      {runs.map((run) =>
        run.length === 1 ? (
          <circle
            key={`pt${run[0]!.t}`}
            className="series-dot"
            cx={x(run[0]!.t)}
            cy={y(run[0]!.p.value)}
            r={4}
          />
        ) : (
          <polyline
            key={`line${run[0]!.t}`}
            className="series-line"
            points={run.map(({ t: ms, p }) => `${x(ms)},${y(p.value)}`).join(' ')}
          />
        ),
      )}

      {thresholds
        .filter((l) => inRange(l.value))
        .map((l) => (
          <g key={`th${l.severity}${l.value}${l.direction}`} className="threshold">
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(l.value)}
              y2={y(l.value)}
              stroke={`var(--sev-${l.severity})`}
            />
            <text x={W - PAD.right + 8} y={y(l.value) + 8} fill={`var(--sev-${l.severity})`}>
              {`${t(`severity_${l.severity}`)} ${fmt(l.value)}`}
            </text>
          </g>
        ))}

      {(props.markers ?? [])
        .filter((m) => m.t >= from && m.t <= to)
        .map((m) => (
          <g key={`mk${m.t}${m.label}`} className="marker">
            <line
              x1={x(m.t)}
              x2={x(m.t)}
              y1={PAD.top}
              y2={PAD.top + plotH}
              stroke={`var(--sev-${m.severity})`}
            />
            <text x={x(m.t) + 8} y={PAD.top + 18} fill={`var(--sev-${m.severity})`}>
              {m.label}
            </text>
          </g>
        ))}

      {points.length === 0 && (
        <text className="chart-empty" x={PAD.left + plotW / 2} y={PAD.top + plotH / 2} textAnchor="middle">
          {t('screenNoReadings')}
        </text>
      )}
    </svg>
  );
}
