// Query.areaStats: what is in an area, the building mix and how many devices are online.
import { findAreaStats } from '../../store/stats.repo.ts';
import { builder } from '../builder.ts';
import { AreaInput, areaOrCity } from './area-input.ts';

interface Count {
  key: string;
  count: number;
}

export const CountRef = builder.objectRef<Count>('Count').implement({
  description:
    'A count per category; key is the value of the matching enum (AssetKind, SafetyGrade, BuildingUse).',
  fields: (t) => ({ key: t.exposeString('key'), count: t.exposeInt('count') }),
});

// Keys are the GraphQL enum names (BUILDING, STREET_LAMP, RESIDENTIAL, A…), so clients can map them.
const counts = (record: Record<string, number>): Count[] =>
  Object.entries(record)
    .map(([key, count]) => ({ key: key.toUpperCase(), count }))
    .sort((a, b) => a.key.localeCompare(b.key));

const AreaStats = builder.objectRef<Awaited<ReturnType<typeof findAreaStats>>>('AreaStats').implement({
  description: 'Figures for an area. Case figures join with the dispatch module.',
  fields: (t) => ({
    assets: t.int({
      description: 'All assets.',
      resolve: (s) => Object.values(s.by_kind).reduce((a, b) => a + b, 0),
    }),
    byKind: t.field({ type: [CountRef], resolve: (s) => counts(s.by_kind) }),
    buildings: t.int({ resolve: (s) => s.by_kind.building ?? 0 }),
    buildingsBySafetyGrade: t.field({ type: [CountRef], resolve: (s) => counts(s.by_safety_grade) }),
    buildingsByUse: t.field({ type: [CountRef], resolve: (s) => counts(s.by_use) }),
    selfBuiltBuildings: t.exposeInt('self_built', { description: '自建房' }),
    floorAreaM2: t.exposeFloat('floor_area_m2', { description: 'Total floor area of the buildings.' }),
    devicesTotal: t.exposeInt('devices_total', {
      description: 'Devices located in a drawn shape, or on the assets filed under a named area.',
    }),
    devicesOnline: t.exposeInt('devices_online'),
    deviceOnlineRate: t.float({
      nullable: true,
      description: 'devicesOnline / devicesTotal (0–1); null without devices.',
      resolve: (s) => (s.devices_total === 0 ? null : s.devices_online / s.devices_total),
    }),
    openAlerts: t.int({
      description: 'Active (not cleared) alerts on the assets in the area.',
      resolve: (s) => Object.values(s.open_alerts_by_severity).reduce((a, b) => a + b, 0),
    }),
    openAlertsBySeverity: t.field({
      type: [CountRef],
      description: 'Active alerts per AlertSeverity (BLUE … RED); severities without alerts are left out.',
      resolve: (s) => counts(s.open_alerts_by_severity),
    }),
    worstAlertSeverity: t.string({
      nullable: true,
      description:
        'The worst active severity in the area (roll-up for tinting areas), as an AlertSeverity name.',
      resolve: (s) =>
        (
          ['red', 'orange', 'yellow', 'blue'].find((k) => s.open_alerts_by_severity[k]) ?? null
        )?.toUpperCase() ?? null,
    }),
    openCases: t.int({ description: 'Cases not closed or rejected.', resolve: (s) => s.cases.open }),
    overdueCases: t.int({
      description: 'Open cases past their stage deadline (not suspended).',
      resolve: (s) => s.cases.overdue,
    }),
    caseClosureRate: t.float({
      nullable: true,
      description: '结案率 over the cases due in the last 30 days (closed / due); null when none were due.',
      resolve: (s) => (s.cases.due ? s.cases.closed / s.cases.due : null),
    }),
    caseOnTimeRate: t.float({
      nullable: true,
      description: '按期结案率 over the cases due in the last 30 days (closed on time / due).',
      resolve: (s) => (s.cases.due ? s.cases.closedOnTime / s.cases.due : null),
    }),
  }),
});

builder.queryField('areaStats', (t) =>
  t.field({
    type: AreaStats,
    args: { area: t.arg({ type: AreaInput, required: true }) },
    complexity: 20,
    resolve: async (_root, { area }, ctx) => findAreaStats(ctx.db, ctx.scope, await areaOrCity(ctx, area)),
  }),
);
