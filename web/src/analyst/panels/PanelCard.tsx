// One card of the panel column: a heading with optional detail and actions, the load state (loading, a
// failure with retry, or the note that the area itself is the problem), then the content.
import type { ReactNode } from 'react';
import { isAreaError } from '../../data/analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface LoadState {
  loading: boolean;
  error: Error | null;
  reload: () => void;
  /** Something for the current key is on screen. */
  shown: boolean;
}

export function PanelCard(props: {
  title: string;
  detail?: ReactNode;
  actions?: ReactNode;
  state: LoadState;
  className?: string;
  children: ReactNode;
  /** Root attributes (data-testid and the figures the browser tests read). */
  data: Readonly<Record<`data-${string}`, string | number>>;
}) {
  return (
    <section
      className={`ap-card${props.className ? ` ${props.className}` : ''}`}
      aria-busy={props.state.loading}
      {...props.data}
    >
      <header className="ap-card-head">
        <h2>{props.title}</h2>
        {props.detail !== undefined && <span className="ap-card-detail">{props.detail}</span>}
        {props.actions !== undefined && <span className="ap-card-actions">{props.actions}</span>}
      </header>
      <LoadNote state={props.state} />
      {props.children}
    </section>
  );
}

function LoadNote({ state }: { state: LoadState }) {
  const { t } = useI18n();
  if (state.error) {
    if (isAreaError(state.error)) return <p className="ap-note">{t('apAreaProblem')}</p>;
    return (
      <p className="ap-error" role="alert">
        {t('apFailed', { message: state.error.message })}{' '}
        <button type="button" className="ap-link" onClick={state.reload}>
          {t('apRetry')}
        </button>
      </p>
    );
  }
  if (state.loading) {
    return (
      <p className="ap-note" aria-live="polite">
        {t(state.shown ? 'apStale' : 'apLoading')}
      </p>
    );
  }
  return null;
}
