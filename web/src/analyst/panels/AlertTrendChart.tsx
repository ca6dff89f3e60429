// Alerts per bucket as SVG bars stacked by level (蓝 at the bottom, 红 on top), with a count axis and China-time
// bucket labels. Each bar's tooltip gives the bucket and its counts.

import { bands, countAxis, labelIndices, stack } from '../../chart/chart-scale.ts';
import type { AlertTrendBucket } from '../../data/analysis.ts';
import { SEVERITIES } from '../../data/codes.ts';
import { formatCount } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatBucket, formatBucketLong } from './bucket-labels.ts';
import { SEVERITY_COLOURS } from './labels.ts';
import type { TrendInterval } from './period.ts';

const W = 520;
const H = 190;
const PAD = { left: 44, right: 10, top: 10, bottom: 26 };

export function AlertTrendChart(props: { buckets: readonly AlertTrendBucket[]; interval: TrendInterval }) {
  const { t, locale } = useI18n();
  const { buckets, interval } = props;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const axis = countAxis(Math.max(0, ...buckets.map((b) => b.total)));
  const y = (v: number) => PAD.top + plotH - (v / axis.max) * plotH;
  const band = bands(buckets.length, PAD.left, plotW);
  return (
    <svg className="ap-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('apAlertTrendChart')}>
      {axis.ticks.map((v) => (
        <g key={`y${v}`}>
          <line className="ap-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="ap-tick" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {formatCount(v, locale)}
          </text>
        </g>
      ))}
      {buckets.map((bucket, i) => {
        const segments = stack(bucket.bySeverity, SEVERITIES);
        const tip = [
          `${formatBucketLong(bucket.start, interval, locale)} · ${t('apAlertTrendTotal', { n: formatCount(bucket.total, locale) })}`,
          ...segments.map(
            (s) => `${t('apLevel', { level: t(`severity_${s.key}`) })} ${formatCount(s.to - s.from, locale)}`,
          ),
        ].join('\n');
        return (
          <g key={bucket.start} data-bucket={bucket.start} data-value={bucket.total}>
            <title>{tip}</title>
            {/* A full-height band so the tooltip also answers over empty buckets. */}
            <rect
              className="ap-hit"
              x={PAD.left + i * band.step}
              y={PAD.top}
              width={band.step}
              height={plotH}
            />
            {segments.map((s) => (
              <rect
                key={s.key}
                x={band.x(i)}
                width={band.barWidth}
                y={y(s.to)}
                height={Math.max(0, y(s.from) - y(s.to))}
                fill={SEVERITY_COLOURS[s.key]}
              />
            ))}
          </g>
        );
      })}
      <line className="ap-axis" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} />
      {labelIndices(buckets.length, 6).map((i) => (
        <text
          key={`x${i}`}
          className="ap-tick"
          x={band.x(i) + band.barWidth / 2}
          y={H - 8}
          textAnchor={i === 0 ? 'start' : 'middle'}
        >
          {formatBucket(buckets[i]!.start, interval, locale)}
        </text>
      ))}
    </svg>
  );
}
