// A severity as a coloured chip ("红色").
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import type { Severity } from '../../types.ts';

export function SeverityChip({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span className="sev-chip" style={{ background: `var(--sev-${severity})` }}>
      {t(`severity_${severity}`)}
    </span>
  );
}
