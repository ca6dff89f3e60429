// A drill-down request that failed: NOT_FOUND and FORBIDDEN in words; anything else as the failure it is.
import { ApiError } from '../../../data/http.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

export function ErrorText({ error }: { error: Error }) {
  const { t } = useI18n();
  const code = error instanceof ApiError ? error.code : '';
  const text =
    code === 'NOT_FOUND'
      ? t('screenNotFound')
      : code === 'FORBIDDEN'
        ? t('screenForbidden')
        : `${t('requestFailed')}${error.message}`;
  return (
    <p className="panel-error" role="alert" data-error-code={code}>
      {text}
    </p>
  );
}
