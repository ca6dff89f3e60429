// The × that closes a console pane (Esc does the same).
import { useI18n } from '../i18n/I18nProvider.tsx';

export function CloseButton({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="icon"
      aria-label={t('close')}
      title={`${t('close')} (Esc)`}
      onClick={onClose}
    >
      ×
    </button>
  );
}
