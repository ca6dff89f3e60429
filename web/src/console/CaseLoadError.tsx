// The case panel when the case cannot be shown: what went wrong in the viewer's language, a retry for a
// failure that may pass, and the way back to the list.

import { useI18n } from '../i18n/I18nProvider.tsx';
import { CloseButton } from './CloseButton.tsx';
import { caseLoadProblem } from './case-load-problem.ts';

export function CaseLoadError({
  error,
  onRetry,
  onClose,
}: {
  error: Error;
  onRetry: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const problem = caseLoadProblem(error);
  return (
    <section className="pane case-panel" data-testid="case-panel" data-problem={problem}>
      <header className="case-head-bar">
        <h2>{t(`caseLoadTitle_${problem}`)}</h2>
        <CloseButton onClose={onClose} />
      </header>
      <div className="notice case-load-error" role="alert" data-testid="case-load-error">
        <p>{t(`caseLoad_${problem}`)}</p>
        {problem === 'FAILED' && (
          <p className="case-load-detail" data-testid="case-load-detail">
            {error.message}
          </p>
        )}
        <div className="form-buttons">
          {problem === 'FAILED' && (
            <button type="button" className="primary small" onClick={onRetry}>
              {t('caseLoadRetry')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('caseLoadBack')}
          </button>
        </div>
      </div>
    </section>
  );
}
