// Cases per bucket in SVG: reported as bars on a count axis (left), 结案率 and 按期结案率 as lines on a 0–100%
// axis (right). A rate is missing where nothing was due, and its line breaks there.

import { bands, countAxis, labelIndices, runs } from '../../chart/chart-scale.ts';
import type { CaseTrendBucket } from '../../data/analysis.ts';
import { formatCount, formatRate } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBucket, formatBucketLong } from './bucket-labels.ts';
import type { TrendInterval } from './period.ts';

const W = 520;
const H = 190;
const PAD = { left: 44, right: 44, top: 10, bottom: 26 };
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

export const CASE_COLOURS = { reported: '#94a3b8', closureRate: '#15803d', onTimeRate: '#7c3aed' } as const;

export function CaseTrendChart(props: { buckets: readonly CaseTrendBucket[]; interval: TrendInterval }) {
  const { t, locale } = useI18n();
  const { buckets, interval } = props;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const axis = countAxis(Math.max(0, ...buckets.map((b) => b.reported)));
  const yCount = (v: number) => PAD.top + plotH - (v / axis.max) * plotH;
  const yRate = (r: number) => PAD.top + plotH - Math.min(1, Math.max(0, r)) * plotH;
  const band = bands(buckets.length, PAD.left, plotW, 0.6);
  const cx = (i: number) => band.x(i) + band.barWidth / 2;

  const line = (field: 'closureRate' | 'onTimeRate') =>
    runs(buckets.map((b) => b[field])).map((run) =>
      run.length === 1 ? (
        <circle
          key={`${field}${run[0]!.index}`}
          cx={cx(run[0]!.index)}
          cy={yRate(run[0]!.value)}
          r={2.5}
          fill={CASE_COLOURS[field]}
        />
      ) : (
        <polyline
          key={`${field}${run[0]!.index}`}
          className="ap-line"
          stroke={CASE_COLOURS[field]}
          points={run.map((p) => `${cx(p.index)},${yRate(p.value)}`).join(' ')}
        />
      ),
    );

  return (
    <svg className="ap-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('apCaseTrendChart')}>
      {axis.ticks.map((v) => (
        <text key={`y${v}`} className="ap-tick" x={PAD.left - 6} y={yCount(v) + 4} textAnchor="end">
          {formatCount(v, locale)}
        </text>
      ))}
      {RATE_TICKS.map((r) => (
        <g key={`r${r}`}>
          <line className="ap-grid" x1={PAD.left} x2={W - PAD.right} y1={yRate(r)} y2={yRate(r)} />
          <text className="ap-tick" x={W - PAD.right + 6} y={yRate(r) + 4} textAnchor="start">
            {`${r * 100}%`}
          </text>
        </g>
      ))}
      {buckets.map((b, i) => (
        <g key={b.start} data-bucket={b.start} data-value={b.reported}>
          <title>
            {[
              formatBucketLong(b.start, interval, locale),
              `${t('apCaseReported')} ${formatCount(b.reported, locale)}`,
              `${t('apCaseClosureRate')} ${formatRate(b.closureRate, locale)}`,
              `${t('apCaseOnTimeRate')} ${formatRate(b.onTimeRate, locale)}`,
            ].join('\n')}
          </title>
          <rect
            className="ap-hit"
            x={PAD.left + i * band.step}
            y={PAD.top}
            width={band.step}
            height={plotH}
          />
          {b.reported > 0 && (
            <rect
              x={band.x(i)}
              width={band.barWidth}
              y={yCount(b.reported)}
              height={PAD.top + plotH - yCount(b.reported)}
              fill={CASE_COLOURS.reported}
            />
          )}
        </g>
      ))}
      {line('closureRate')}
      {line('onTimeRate')}
      <line className="ap-axis" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
      {labelIndices(buckets.length, 6).map((i) => (
        <text key={`x${i}`} className="ap-tick" x={cx(i)} y={H - 8} textAnchor={i === 0 ? 'start' : 'middle'}>
          {formatBucket(buckets[i]!.start, interval, locale)}
        </text>
      ))}
    </svg>
  );
}
