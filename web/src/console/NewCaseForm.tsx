// A case from a hotline call or a patrol: category, urgency, description, where (an asset code or
// coordinates) and who reported it. Hotline and patrol cases are accepted at once.

import { type FormEvent, useState } from 'react';
import { type CaseDetail, type CaseRef, type Category, createCase, type NewCase } from '../data/cases.ts';
import type { CaseUrgency } from '../data/generated/graphql.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NewCaseForm({
  categories,
  onCreated,
  onCancel,
}: {
  categories: Category[] | undefined;
  onCreated: (created: CaseDetail, duplicates: { distanceM: number; case: CaseRef }[]) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState({
    source: 'HOTLINE' as 'HOTLINE' | 'PATROL',
    category: '',
    urgency: 'NORMAL' as CaseUrgency,
    description: '',
    assetCode: '',
    lon: '',
    lat: '',
    address: '',
    reporterName: '',
    reporterPhone: '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const hasPoint = form.lon.trim() !== '' && form.lat.trim() !== '';
    if (!form.assetCode.trim() && !hasPoint) return setError(t('needLocation'));
    const input: NewCase = {
      source: form.source,
      category: form.category,
      urgency: form.urgency,
      description: form.description.trim(),
      ...(form.assetCode.trim()
        ? { assetCode: form.assetCode.trim().toUpperCase() }
        : { location: { lon: Number(form.lon), lat: Number(form.lat) } }),
      ...(form.address.trim() && { address: form.address.trim() }),
      ...(form.reporterName.trim() && { reporterName: form.reporterName.trim() }),
      ...(form.reporterPhone.trim() && { reporterPhone: form.reporterPhone.trim() }),
    };
    setBusy(true);
    setError(null);
    try {
      const created = await createCase(input);
      onCreated(created.case, created.duplicates);
    } catch (e) {
      setError(`${t('actionFailed')}${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  }

  return (
    <section className="pane case-panel" aria-label={t('newCase')}>
      <form
        className="new-case"
        data-testid="new-case-form"
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2>{t('newCase')}</h2>
        <div className="form-grid">
          <label>
            {t('newCaseSource')}
            <select name="source" value={form.source} onChange={set('source')}>
              <option value="HOTLINE">{t('source_HOTLINE')}</option>
              <option value="PATROL">{t('source_PATROL')}</option>
            </select>
          </label>
          <label>
            {t('category')}
            <select name="category" value={form.category} onChange={set('category')} required>
              <option value="">{t('choose')}</option>
              {categories?.map((c) => (
                <option key={c.code} value={c.code}>
                  {locale === 'en' ? c.nameEn : c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('urgency')}
            <select name="urgency" value={form.urgency} onChange={set('urgency')}>
              <option value="NORMAL">{t('urgency_NORMAL')}</option>
              <option value="URGENT">{t('urgency_URGENT')}</option>
            </select>
          </label>
        </div>
        <label>
          {t('description')}
          <textarea
            // biome-ignore lint/a11y/noAutofocus: opened on purpose (n or the button); typing goes straight in
            autoFocus
            name="description"
            rows={3}
            maxLength={2000}
            required
            value={form.description}
            onChange={set('description')}
          />
        </label>
        <div className="form-grid">
          <label className="wide">
            {t('assetCode')}
            <input
              name="assetCode"
              placeholder="BD-440304-000123"
              value={form.assetCode}
              onChange={set('assetCode')}
            />
          </label>
          <label>
            {t('orCoordinates')} · {t('lon')}
            <input name="lon" inputMode="decimal" value={form.lon} onChange={set('lon')} />
          </label>
          <label>
            {t('lat')}
            <input name="lat" inputMode="decimal" value={form.lat} onChange={set('lat')} />
          </label>
        </div>
        <label>
          {t('address')}
          <input name="address" maxLength={200} value={form.address} onChange={set('address')} />
        </label>
        <div className="form-grid">
          <label>
            {t('reporterName')}
            <input
              name="reporterName"
              maxLength={64}
              value={form.reporterName}
              onChange={set('reporterName')}
            />
          </label>
          <label>
            {t('reporterPhone')}
            <input
              name="reporterPhone"
              type="tel"
              maxLength={20}
              value={form.reporterPhone}
              onChange={set('reporterPhone')}
            />
          </label>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="form-buttons">
          <button type="submit" className="primary" disabled={busy} data-testid="new-case-submit">
            {busy ? t('working') : t('submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
