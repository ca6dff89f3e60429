// The 24-hour alert trend as SVG bars, one per China-time hour, labelled every six hours; the replayed hour
// is marked.

import { cstHour, formatTime, HOUR_MS } from '../../format/time.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TrendBucket } from '../live/alert-trend.ts';

const W = 800;
const H = 260;
const PAD = { left: 56, right: 8, top: 24, bottom: 40 };

export function TrendChart({
  buckets,
  replayAt,
}: {
  buckets: readonly TrendBucket[];
  replayAt: Date | null;
}) {
  const { t, formatNumber } = useI18n();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, buckets.length);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const replayMs = replayAt?.getTime() ?? null;
  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={t('screenTrendAria', { n: formatNumber(buckets.reduce((s, b) => s + b.count, 0)) })}
    >
      <line className="axis" x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} />
      <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} />
      <text className="tick" x={PAD.left - 8} y={y(max) + 8} textAnchor="end">
        {formatNumber(max)}
      </text>
      <text className="tick" x={PAD.left - 8} y={y(0) + 8} textAnchor="end">
        0
      </text>
      {buckets.map((b, i) => {
        const x = PAD.left + i * slot;
        const replayed = replayMs !== null && replayMs >= b.start && replayMs < b.start + HOUR_MS;
        return (
          <g key={b.start}>
            <rect
              className={replayed ? 'bar replayed' : 'bar'}
              x={x + slot * 0.15}
              y={y(b.count)}
              width={slot * 0.7}
              height={Math.max(0, y(0) - y(b.count))}
            >
              <title>{`${formatTime(b.start, false)} · ${formatNumber(b.count)}`}</title>
            </rect>
            {cstHour(b.start) % 6 === 0 && (
              <text className="tick" x={x + slot / 2} y={H - 10} textAnchor="middle">
                {formatTime(b.start, false)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
