// Time left in the current stage, coloured: normal, amber (under a quarter of the stage or an hour), red
// when overdue.
import { deadlineTone, formatDateTime, formatRemaining } from '../format/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function Countdown({
  startedAt,
  dueAt,
  now,
}: {
  startedAt: string;
  dueAt: string | null;
  now: number;
}) {
  const i18n = useI18n();
  if (!dueAt) return <span className="countdown none">—</span>;
  const tone = deadlineTone(startedAt, dueAt, now);
  return (
    <span className={`countdown ${tone}`} data-tone={tone} title={formatDateTime(dueAt)}>
      {formatRemaining(i18n, dueAt, now)}
    </span>
  );
}
