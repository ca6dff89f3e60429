// Small pieces the windowed tables share: the spacer row standing in for the rows not drawn, and a level mark.

import type { AlertSeverity as Severity } from '../../data/generated/graphql.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SEVERITY_COLOURS } from './labels.ts';

/** A row as tall as the rows left out above or below the window (none when there are none). */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr className="ap-spacer" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

export function SeverityMark({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span className="ap-level" data-severity={severity}>
      <span className="ap-swatch" style={{ background: SEVERITY_COLOURS[severity] }} aria-hidden="true" />
      {t(`severity_${severity}`)}
    </span>
  );
}
