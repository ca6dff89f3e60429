// /r/<code>: what a citizen sees after scanning a plate (一栋一码). The place, a short form (a category that
// fits the place, description, optional phone and photo) and, once sent, the tracking number to follow it by.
// No sign-in.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../data/http.ts';
import { fetchPublicAsset, fetchPublicCategories, submitReport } from '../data/public-api.ts';
import { useQuery } from '../data/useQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { CitizenError, CitizenShell } from './CitizenShell.tsx';

export function CitizenReport({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const asset = useQuery((s) => fetchPublicAsset(code, s), [code]);
  // The categories that fit what was scanned (a building's, a lamp's…), once the plate is known.
  const kind = asset.data?.kind;
  const categories = useQuery((s) => fetchPublicCategories(kind!, s), [kind], kind !== undefined);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ trackingNo: string; statusUrl: string } | null>(null);

  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent(await submitReport({ assetCode: code, categoryCode: category, description, phone, photo }));
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'RATE_LIMITED'
          ? t('rateLimited')
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  }

  if (asset.error) {
    return (
      <CitizenShell title={t('citizenTitle')}>
        <CitizenError
          error={asset.error}
          words={{
            NOT_FOUND: 'assetNotFound',
            INVALID_INPUT: 'assetCodeInvalid',
            RATE_LIMITED: 'rateLimited',
          }}
          testId="report-error"
        />
      </CitizenShell>
    );
  }
  const a = asset.data;
  if (!a) return <CitizenShell title={t('citizenTitle')} busy />;

  const place = (
    <section className="c-card c-place" data-testid="report-asset">
      <span className="c-kind">{t(`assetKind_${a.kind}` as MessageKey) ?? a.kind}</span>
      <h2>{a.name}</h2>
      <p>
        {a.district}
        {a.street ? ` · ${a.street}` : ''}
        {a.floors ? ` · ${t('floors', { n: a.floors })}` : ''}
      </p>
      <p className="c-code">{a.code}</p>
    </section>
  );

  if (sent) {
    return (
      <CitizenShell title={t('citizenTitle')} note={a.note}>
        {place}
        <section className="c-card c-done" data-testid="report-done" role="status">
          <h2>{t('reportDone')}</h2>
          <span className="c-label">{t('trackingNoLabel')}</span>
          <strong className="c-tracking" data-testid="tracking-no">
            {sent.trackingNo}
          </strong>
          <p>{t('trackingHint')}</p>
          <a className="c-button" href={sent.statusUrl} data-testid="status-link">
            {t('viewStatus')}
          </a>
        </section>
      </CitizenShell>
    );
  }

  return (
    <CitizenShell title={t('citizenTitle')} note={a.note}>
      <p className="c-intro">{t('citizenIntro')}</p>
      {place}
      <form className="c-card c-form" onSubmit={submit} data-testid="report-form">
        <label>
          {t('category')}
          <select name="category" required value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('choose')}</option>
            {categories.data?.map((c) => (
              <option key={c.code} value={c.code}>
                {locale === 'en' ? c.nameEn : c.nameZh}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('description')}
          <textarea
            name="description"
            required
            rows={4}
            maxLength={2000}
            placeholder={t('descriptionPlaceholder')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <label>
          {t('phoneOptional')}
          <input
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <div className="c-photo">
          <span className="c-label">{t('photoOptional')}</span>
          <label className="c-button secondary">
            {t('takePhoto')}
            <input
              name="photo"
              type="file"
              accept="image/*"
              capture="environment"
              data-testid="report-photo"
              onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
            />
          </label>
          {photo && (
            <p className="c-chosen">
              {preview && <img src={preview} alt="" />}
              {t('photoChosen', { name: photo.name })}
            </p>
          )}
        </div>
        {error && (
          <p className="c-error" role="alert" data-testid="report-error">
            {error}
          </p>
        )}
        <button type="submit" className="c-button" disabled={busy} data-testid="report-submit">
          {busy ? t('working') : t('submitReport')}
        </button>
      </form>
    </CitizenShell>
  );
}
