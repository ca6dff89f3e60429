// Filters of the case list: a state group or one state, category, source, overdue only, and free text.

import type { CaseFilter, Category } from '../data/cases.ts';
import { CASE_SOURCES, CASE_STATES, OPEN_STATES } from '../data/codes.ts';
import type { CaseSource, CaseState } from '../data/generated/graphql.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export type StateChoice = 'open' | 'todo' | 'any' | CaseState;

export interface FilterValues {
  state: StateChoice;
  category: string;
  source: '' | CaseSource;
  overdue: boolean;
  text: string;
}

const TODO: readonly CaseState[] = ['DISPATCHED', 'HANDLING'];

/** The server filter for the form's values. */
export function toCaseFilter(v: FilterValues): CaseFilter {
  const states =
    v.state === 'open' ? OPEN_STATES : v.state === 'todo' ? TODO : v.state === 'any' ? undefined : [v.state];
  return {
    ...(states && { states }),
    ...(v.category && { categories: [v.category] }),
    ...(v.source && { sources: [v.source] }),
    ...(v.overdue && { overdue: true }),
    ...(v.text.trim() && { text: v.text.trim() }),
  };
}

export function CaseFilters({
  values,
  categories,
  onChange,
}: {
  values: FilterValues;
  categories: Category[] | undefined;
  onChange: (values: FilterValues) => void;
}) {
  const { t, locale } = useI18n();
  const set = <K extends keyof FilterValues>(key: K, value: FilterValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <div className="case-filters" data-testid="case-filters">
      <label>
        {t('filterState')}
        <select
          name="state"
          value={values.state}
          onChange={(e) => set('state', e.target.value as StateChoice)}
        >
          <option value="open">{t('stateGroup_open')}</option>
          <option value="todo">{t('stateGroup_todo')}</option>
          <option value="any">{t('stateGroup_any')}</option>
          {CASE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterCategory')}
        <select name="category" value={values.category} onChange={(e) => set('category', e.target.value)}>
          <option value="">{t('all')}</option>
          {categories?.map((c) => (
            <option key={c.code} value={c.code}>
              {locale === 'en' ? c.nameEn : c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterSource')}
        <select
          name="source"
          value={values.source}
          onChange={(e) => set('source', e.target.value as FilterValues['source'])}
        >
          <option value="">{t('all')}</option>
          {CASE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`source_${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          name="overdue"
          checked={values.overdue}
          onChange={(e) => set('overdue', e.target.checked)}
        />
        {t('filterOverdue')}
      </label>
      <input
        type="search"
        name="text"
        className="case-search"
        data-testid="case-search"
        placeholder={t('filterText')}
        value={values.text}
        maxLength={100}
        onChange={(e) => set('text', e.target.value)}
      />
    </div>
  );
}
