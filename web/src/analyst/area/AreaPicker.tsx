// Choosing a district, street or grid: a level, the district (and street, for grids) it lies in, then
// the area itself. Picking one makes it the study area.
import { useEffect, useState } from 'react';
import { type AreaOption, fetchAreaOptions, fetchGridOptions, type PickLevel } from '../../data/areas.ts';
import { useQuery } from '../../data/useQuery.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { AreaChoice } from '../contract.ts';

const LEVELS: readonly PickLevel[] = ['district', 'street', 'grid'];

/** The level, district and street a chosen code implies (codes nest: 6, 9, 12, 15 digits). */
function impliedBy(area: AreaChoice | null): { level: PickLevel; district: string; street: string } | null {
  if (area?.kind !== 'code') return null;
  const level = area.level === 'community' ? 'street' : area.level;
  return { level, district: area.code.slice(0, 6), street: area.code.slice(0, 9) };
}

function OptionList({ options, loading }: { options: AreaOption[] | undefined; loading: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{loading ? t('amAreaListLoading') : t('amAreaPickPlaceholder')}</option>
      {(options ?? []).map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </>
  );
}

export function AreaPicker({
  area,
  onPick,
}: {
  area: AreaChoice | null;
  onPick: (area: AreaChoice) => void;
}) {
  const { t } = useI18n();
  const implied = impliedBy(area);
  const [level, setLevel] = useState<PickLevel>(implied?.level ?? 'district');
  const [district, setDistrict] = useState(implied?.district ?? '');
  const [street, setStreet] = useState(implied?.street ?? '');

  // Follow a code chosen elsewhere (a shared link, the panels).
  const areaCode = area?.kind === 'code' ? area.code : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the chosen code changes
  useEffect(() => {
    const next = impliedBy(area);
    if (!next) return;
    setLevel(next.level);
    setDistrict(next.district);
    setStreet(next.street);
  }, [areaCode]);

  const districts = useQuery((signal) => fetchAreaOptions('district', null, signal), []);
  const streets = useQuery(
    (signal) => fetchAreaOptions('street', district, signal),
    [district],
    level !== 'district' && district !== '',
  );
  const grids = useQuery(
    (signal) => fetchGridOptions(street, signal),
    [street],
    level === 'grid' && street !== '',
  );

  const choices = level === 'district' ? districts : level === 'street' ? streets : grids;
  const parentChosen = level === 'district' || (level === 'street' ? district !== '' : street !== '');
  const options = parentChosen ? choices.data : [];
  const value = area?.kind === 'code' && area.level === level ? area.code : '';
  const pick = (code: string) => {
    const option = options?.find((o) => o.code === code);
    if (option) onPick({ kind: 'code', code, level, name: option.name });
  };

  return (
    <div className="am-picker">
      <label>
        <span>{t('amAreaLevel')}</span>
        <select
          data-testid="area-level"
          value={level}
          onChange={(e) => setLevel(e.target.value as PickLevel)}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`amAreaLevel_${l}`)}
            </option>
          ))}
        </select>
      </label>
      {level !== 'district' ? (
        <label>
          <span>{t('amAreaParent')}</span>
          <select
            data-testid="area-parent"
            value={district}
            onChange={(e) => {
              setDistrict(e.target.value);
              setStreet('');
            }}
          >
            <OptionList options={districts.data} loading={districts.loading} />
          </select>
        </label>
      ) : null}
      {level === 'grid' ? (
        <label>
          <span>{t('amAreaStreet')}</span>
          <select data-testid="area-street" value={street} onChange={(e) => setStreet(e.target.value)}>
            <OptionList options={district ? streets.data : []} loading={streets.loading} />
          </select>
        </label>
      ) : null}
      <label>
        <span>{t('amAreaPick')}</span>
        <select
          data-testid="area-pick"
          value={value}
          data-loading={choices.loading ? 'true' : undefined}
          onChange={(e) => pick(e.target.value)}
        >
          <OptionList options={options} loading={choices.loading} />
        </select>
      </label>
    </div>
  );
}
