// The form of one workflow step: only what the step needs (a unit for 派遣, a description and photos for
// 处置反馈, hours for 申请延期, the case to merge into, a comment where one is required). It always sends the
// version the officer was looking at.
import { type FormEvent, useState } from 'react';
import { uploadAttachment } from '../data/attachments.ts';
import { type CaseDetail, type TransitionInput, transitionCase } from '../data/cases.ts';
import type { CaseAction } from '../data/generated/graphql.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const NEEDS_COMMENT: readonly CaseAction[] = [
  'REPORT_HANDLED',
  'VERIFY_FAIL',
  'REJECT',
  'SUSPEND',
  'DENY_EXTENSION',
  'REQUEST_EXTENSION',
  'SUPERVISE',
];

export function ActionForm({
  detail,
  action,
  onDone,
  onCancel,
  onFailed,
}: {
  detail: CaseDetail;
  action: CaseAction;
  onDone: (updated: CaseDetail) => void;
  onCancel: () => void;
  onFailed: (error: unknown) => boolean;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [unitCode, setUnitCode] = useState(detail.suggestedUnits[0]?.code ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [hours, setHours] = useState('4');
  const [mergeInto, setMergeInto] = useState(detail.duplicateCandidates[0]?.case.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const commentRequired = NEEDS_COMMENT.includes(action);
  const photoRequired = action === 'REPORT_HANDLED' && detail.category.requiresEvidence;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commentRequired && !comment.trim()) return setError(t('commentRequired'));
    if (photoRequired && files.length === 0) return setError(t('photoRequired'));
    setBusy(true);
    setError(null);
    try {
      const input: TransitionInput = {
        id: detail.id,
        action,
        version: detail.version,
        comment: comment.trim() || null,
      };
      if (action === 'DISPATCH') input.unitCode = unitCode.trim();
      if (action === 'REQUEST_EXTENSION') input.extensionMinutes = Math.round(Number(hours) * 60);
      if (action === 'MERGE') input.mergeInto = mergeInto;
      if (files.length > 0) {
        try {
          input.attachments = (await Promise.all(files.map(uploadAttachment))).map((u) => u.id);
        } catch (e) {
          throw new Error(`${t('uploadFailed')}${e instanceof Error ? e.message : String(e)}`);
        }
      }
      onDone(await transitionCase(input));
    } catch (e) {
      setBusy(false);
      if (!onFailed(e)) setError(`${t('actionFailed')}${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <form
      className="inline-form action-form"
      data-testid="action-form"
      data-action={action}
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <h4>{t(`action_${action}`)}</h4>
      {action === 'DISPATCH' && (
        <fieldset>
          <legend>{t('dispatchUnit')}</legend>
          {detail.suggestedUnits.length === 0 && <p className="hint">{t('noSuggestions')}</p>}
          {detail.suggestedUnits.map((u, i) => (
            <label key={u.code} className="choice">
              <input
                type="radio"
                name="unit"
                value={u.code}
                checked={unitCode === u.code}
                onChange={() => setUnitCode(u.code)}
              />
              <span>
                {u.name}
                {i === 0 && <em className="tag">{t('suggested')}</em>}
                <small>
                  {u.code}
                  {u.phone ? ` · ${u.phone}` : ''}
                </small>
              </span>
            </label>
          ))}
          {detail.suggestedUnits.length === 0 && (
            <input
              name="unitCode"
              aria-label={t('unitCode')}
              placeholder={t('unitCode')}
              value={unitCode}
              required
              onChange={(e) => setUnitCode(e.target.value)}
            />
          )}
          {detail.nearestPatrolOfficers.length > 0 && (
            <div className="patrol" data-testid="patrol-officers">
              <span className="hint">{t('patrolOfficers')}</span>
              <ul>
                {detail.nearestPatrolOfficers.map((p) => (
                  <li key={p.code}>
                    {p.name} · {p.phone ?? p.code} · {t('distanceM', { n: Math.round(p.distanceM) })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
      )}
      {action === 'MERGE' &&
        (detail.duplicateCandidates.length === 0 ? (
          <p className="hint">{t('noDuplicates')}</p>
        ) : (
          <label>
            {t('mergeTarget')}
            <select name="mergeInto" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
              {detail.duplicateCandidates.map((d) => (
                <option key={d.case.id} value={d.case.id}>
                  {d.case.trackingNo} · {t(`state_${d.case.state}`)} ·{' '}
                  {t('distanceM', { n: Math.round(d.distanceM) })}
                </option>
              ))}
            </select>
          </label>
        ))}
      {action === 'REQUEST_EXTENSION' && (
        <label>
          {t('extensionHours')}
          <input
            type="number"
            name="hours"
            min={0.5}
            max={225}
            step={0.5}
            required
            value={hours}
            onChange={(e) => setHours(e.target.value)}
          />
        </label>
      )}
      <label>
        {action === 'REPORT_HANDLED' ? t('handledDescription') : t('comment')}
        <textarea
          // biome-ignore lint/a11y/noAutofocus: the form opens from its button; typing goes straight in
          autoFocus
          name="comment"
          rows={3}
          maxLength={2000}
          required={commentRequired}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {action === 'REPORT_HANDLED' && (
        <label>
          {t('photos')}
          {photoRequired && <span className="hint"> · {t('photoRequired')}</span>}
          <input
            type="file"
            name="photos"
            accept="image/*"
            multiple
            data-testid="handled-photos"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
      )}
      {error && (
        <p className="error" role="alert" data-testid="action-error">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy} data-testid="action-submit">
          {busy ? t('working') : t('submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
