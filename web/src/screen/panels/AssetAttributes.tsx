// An asset's own fields by kind (a building's floors, height, use, safety grade, 自建房 and year; a site's
// stage, pit depth and parties; a slope's risk; a lamp's road and status; …) as a definition list.
import type { ReactNode } from 'react';
import type { AssetDetail } from '../../data/drilldown.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function AssetAttributes({ asset }: { asset: AssetDetail }) {
  const { t, formatNumber } = useI18n();
  const num = (v: number | null | undefined, unit = '') =>
    v === null || v === undefined ? null : `${formatNumber(v)}${unit ? ` ${unit}` : ''}`;
  const rows: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  const a = asset;
  switch (a.kind) {
    case 'BUILDING':
      add(t('screenAttrFloors'), a.floors === undefined ? null : t('floors', { n: a.floors }));
      add(t('screenAttrHeight'), num(a.heightM, 'm'));
      add(t('screenAttrUse'), a.use && t(`screenUse_${a.use}`));
      add(
        t('screenAttrSafetyGrade'),
        a.safetyGrade && (
          <span className={`grade-chip grade-${a.safetyGrade}`}>{t(`screenGrade_${a.safetyGrade}`)}</span>
        ),
      );
      add(
        t('screenAttrSelfBuilt'),
        a.selfBuilt === undefined ? null : a.selfBuilt ? t('screenYes') : t('screenNo'),
      );
      add(t('screenAttrYearBuilt'), a.yearBuilt === undefined ? null : t('screenYear', { n: a.yearBuilt }));
      add(t('screenAttrStructure'), a.structure);
      add(t('screenAttrFloorArea'), num(a.floorAreaM2, 'm²'));
      break;
    case 'CONSTRUCTION_SITE':
      add(t('screenAttrProject'), a.projectName);
      add(t('screenAttrStage'), a.stage && t(`screenStage_${a.stage}`));
      add(t('screenAttrPitDepth'), a.pitDepthM === null ? t('screenNoPit') : num(a.pitDepthM, 'm'));
      add(t('screenAttrContractor'), a.contractor);
      add(t('screenAttrBuilder'), a.builder);
      add(t('screenAttrSupervisor'), a.supervisor);
      add(t('screenAttrDangerousWorks'), a.dangerousWorks?.join('、'));
      add(t('screenAttrPeriod'), a.startedOn && `${a.startedOn} – ${a.plannedCompletion ?? ''}`);
      break;
    case 'SLOPE':
      add(t('screenAttrSlopeType'), a.slopeType);
      add(t('screenAttrRisk'), a.riskGrade && t(`screenRisk_${a.riskGrade}`));
      add(t('screenAttrHeight'), num(a.heightM, 'm'));
      add(t('screenAttrGradient'), num(a.gradientDeg, '°'));
      add(t('screenAttrHazardBuffer'), num(a.hazardBufferM, 'm'));
      add(t('screenAttrProtection'), a.protection);
      break;
    case 'STREET_LAMP':
      add(t('screenAttrRoad'), a.roadName && `${a.roadName}${a.roadClass ? ` · ${a.roadClass}` : ''}`);
      add(t('screenAttrLampStatus'), a.status && t(`screenLamp_${a.status}`));
      add(t('screenAttrLampType'), a.lampType);
      add(t('screenAttrPower'), num(a.powerW, 'W'));
      add(t('screenAttrPoleHeight'), num(a.poleHeightM, 'm'));
      break;
    case 'WATERLOGGING_POINT':
      add(t('screenAttrRoad'), a.roadName);
      add(
        t('screenAttrDepthBands'),
        a.blueCm === undefined
          ? null
          : `${[a.blueCm, a.yellowCm, a.orangeCm, a.redCm].map((v) => num(v)).join(' / ')} cm`,
      );
      add(t('screenAttrHistoryMax'), num(a.historyMaxCm, 'cm'));
      break;
    case 'GAS_PIPELINE':
      add(t('screenAttrMaterial'), a.material);
      add(t('screenAttrDiameter'), num(a.diameterMm, 'mm'));
      add(t('screenAttrPressure'), a.pressureClass);
      add(t('screenAttrLength'), num(a.lengthM, 'm'));
      add(t('screenAttrBuriedDepth'), num(a.buriedDepthM, 'm'));
      add(t('screenAttrOperator'), a.operator);
      add(t('screenAttrYearBuilt'), a.builtYear === undefined ? null : t('screenYear', { n: a.builtYear }));
      break;
  }
  if (a.unit) add(t('screenAttrUnit'), `${a.unit.name}${a.unit.phone ? ` · ${a.unit.phone}` : ''}`);
  return (
    <dl className="dd-attrs" data-testid="drilldown-attributes">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
