// Under a table: how many rows match ("共 N 项"), and when the server cut the list, that only the first
// `limit` are shown (and exported).

import type { TablePage } from '../../data/analysis.ts';
import { formatCount } from '../../format/number.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function TableFooter(props: {
  page: TablePage<unknown> | undefined;
  totalKey: 'apTotalItems' | 'apTotalAlerts';
}) {
  const { t, locale } = useI18n();
  const { page } = props;
  if (!page) return null;
  return (
    <p className="ap-foot">
      <span data-testid="table-total">{t(props.totalKey, { n: formatCount(page.total, locale) })}</span>
      {page.truncated && (
        <span className="ap-truncated" role="note" data-testid="table-truncated">
          {' · '}
          {t('apTruncated', { limit: formatCount(page.limit, locale) })}
        </span>
      )}
      {page.rows.length > 0 && <span className="ap-hint-inline"> · {t('apSelectHint')}</span>}
    </p>
  );
}
