// Server-renders the panels (no browser needed) to check the markup the browser tests rely on: data-stat /
// data-value figures, the windowed table's few rows, sort headers, truncation text and the 环比 / 同比 cells.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type {
  AlertTrend,
  AreaStats,
  AssetRow,
  CaseTrend,
  CaseTrendBucket,
  TablePage,
} from '../../data/analysis.ts';
import { I18nProvider } from '../../i18n/I18nProvider.tsx';
import { AlertTrendCard } from './AlertTrendCard.tsx';
import { AssetTable } from './AssetTable.tsx';
import { CaseTrendCard } from './CaseTrendCard.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import type { LoadState } from './PanelCard.tsx';
import { Panels } from './Panels.tsx';
import { comparedPeriods } from './period.ts';
import { StatsCards } from './StatsCards.tsx';

// The provider reads ?lang= and the saved locale from window: none here, so zh-CN.
vi.stubGlobal('window', {
  location: { search: '' },
  localStorage: { getItem: () => null, setItem: () => undefined },
});

const render = (element: ReactElement) => renderToStaticMarkup(createElement(I18nProvider, null, element));
const done: LoadState = { loading: false, error: null, reload: () => undefined, shown: true };
const count = (html: string, needle: string) => html.split(needle).length - 1;

const stats: AreaStats = {
  assets: 20_512,
  buildings: 1234,
  buildingsBySafetyGrade: [
    { key: 'A', count: 1000 },
    { key: 'D', count: 34 },
  ],
  selfBuiltBuildings: 321,
  floorAreaM2: 125_000,
  devicesTotal: 800,
  devicesOnline: 760,
  deviceOnlineRate: 0.95,
  openAlerts: 12,
  openAlertsBySeverity: [{ key: 'RED', count: 2 }],
  openCases: 40,
  overdueCases: 3,
  caseClosureRate: 0.625,
  caseOnTimeRate: null,
  byKind: [{ key: 'BUILDING', count: 1234 }],
};

describe('Panels', () => {
  it('asks for an area when there is none', () => {
    const html = render(
      createElement(Panels, {
        area: null,
        range: { from: '2026-11-14T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', preset: '7d' },
        kinds: [],
        sort: { by: 'code', dir: 'asc' },
        selected: null,
        onSort: () => undefined,
        onSelect: () => undefined,
        onAreaError: () => undefined,
      }),
    );
    expect(html).toContain('请先选择分析区域');
  });
});

describe('StatsCards', () => {
  it('carries every figure with its raw value', () => {
    const html = render(createElement(StatsCards, { stats, state: done }));
    expect(html).toContain('data-testid="area-stats"');
    expect(html).toContain('data-loaded="true"');
    expect(html).toContain('data-stat="buildings" data-value="1234"');
    expect(html).toContain('data-stat="floorAreaM2" data-value="125000"');
    expect(html).toContain('12.5 万m²');
    expect(html).toContain('data-stat="deviceOnlineRate" data-value="0.95"');
    expect(html).toContain('95.0%');
    expect(html).toContain('data-stat="caseOnTimeRate" data-value=""');
    expect(html).toContain('data-stat="buildingsBySafetyGrade" data-value="1034"');
    expect(html).toContain('data-key="D" data-value="34"');
    for (const field of [
      'assets',
      'selfBuiltBuildings',
      'devicesTotal',
      'devicesOnline',
      'openAlerts',
      'openAlertsBySeverity',
      'openCases',
      'overdueCases',
      'caseClosureRate',
      'byKind',
    ]) {
      expect(html).toContain(`data-stat="${field}"`);
    }
  });

  it('is not loaded while the new area loads', () => {
    const html = render(
      createElement(StatsCards, { stats: undefined, state: { ...done, loading: true, shown: false } }),
    );
    expect(html).toContain('data-loaded="false"');
    expect(html).toContain('正在加载');
  });
});

describe('AssetTable', () => {
  const row = (i: number): AssetRow => ({
    code: `A${String(i).padStart(5, '0')}`,
    name: `房屋 ${i}`,
    kind: 'BUILDING',
    districtCode: '440304',
    districtName: '福田区',
    streetCode: null,
    streetName: null,
    grade: 'C',
    floors: 7,
    heightM: 21.5,
    alertSeverity: i === 0 ? 'RED' : null,
    lon: 114.05,
    lat: 22.54,
  });
  const page: TablePage<AssetRow> = {
    total: 25_000,
    truncated: true,
    limit: 10_000,
    rows: Array.from({ length: 10_000 }, (_, i) => row(i)),
  };
  const html = render(
    createElement(AssetTable, {
      area: { kind: 'code', code: '440304', level: 'district' },
      kinds: [],
      page,
      fresh: true,
      state: done,
      sort: { by: 'heightM', dir: 'desc' },
      selected: 'A00001',
      onSort: () => undefined,
      onSelect: () => undefined,
      onAreaError: () => undefined,
    }),
  );

  it('puts only a window of the rows in the DOM', () => {
    expect(html).toContain('data-testid="asset-table" data-total="25000" data-rows="10000"');
    const drawn = count(html, 'data-row-code=');
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(50);
    expect(html).toContain('class="ap-spacer"');
  });

  it('shows sortable headers with the current sort', () => {
    expect(count(html, 'data-sort=')).toBe(9);
    expect(html).toContain('data-sort="heightM" aria-sort="descending"');
    expect(html).toContain('data-sort="code" aria-sort="none"');
  });

  it('shows the cell values, the selection and the honest count', () => {
    expect(html).toContain('C级');
    expect(html).toContain('21.5');
    expect(html).toMatch(/<tr[^>]*aria-current="true"[^>]*data-selected="true"[^>]*data-row-code="A00001"/);
    expect(html).toContain('共 25,000 项');
    expect(html).toContain('仅显示前 10,000 项');
    expect(html).toContain('data-testid="export-assets-csv"');
    expect(html).toContain('data-testid="export-assets-geojson"');
  });
});

describe('trend cards and comparison', () => {
  const periods = comparedPeriods({ from: '2026-11-13T16:00:00.000Z', to: '2026-11-20T16:00:00.000Z' });
  const alertTrend: AlertTrend = {
    total: 15,
    bySeverity: [
      { key: 'RED', count: 5 },
      { key: 'BLUE', count: 10 },
    ],
    byKind: [{ key: 'CRANE_MONITOR', count: 15 }],
    buckets: Array.from({ length: 7 }, (_, i) => ({
      start: new Date(Date.parse(periods.now.from) + i * 86_400_000).toISOString(),
      total: i === 0 ? 15 : 0,
      bySeverity:
        i === 0
          ? [
              { key: 'RED', count: 5 },
              { key: 'BLUE', count: 10 },
            ]
          : [],
    })),
  };
  const caseBucket = (reported: number, closureRate: number | null): CaseTrendBucket => ({
    start: periods.now.from,
    reported,
    due: 4,
    closed: 3,
    closedOnTime: 2,
    closureRate,
    onTimeRate: closureRate === null ? null : closureRate / 2,
  });
  const caseTrend: CaseTrend = {
    total: caseBucket(8, 0.75),
    buckets: [caseBucket(8, 0.75), caseBucket(0, null)],
  };

  it('draws the alert trend stacked by level with its total', () => {
    const html = render(
      createElement(AlertTrendCard, { trend: alertTrend, interval: 'DAY', rangeLabel: 'x', state: done }),
    );
    expect(html).toContain('data-testid="alert-trend" data-total="15"');
    expect(html).toContain('fill="#dc2626"');
    expect(html).toContain('fill="#3b82f6"');
    expect(html).toContain('塔吊黑匣子');
    expect(html).toContain('11月14日');
  });

  it('draws the case trend with its rates', () => {
    const html = render(
      createElement(CaseTrendCard, { trend: caseTrend, interval: 'DAY', rangeLabel: 'x', state: done }),
    );
    expect(html).toContain('data-testid="case-trend" data-reported="8" data-closure-rate="0.75"');
    expect(html).toContain('75.0%');
  });

  it('compares with the previous period and last year, with a dash for a zero base', () => {
    const html = render(
      createElement(ComparePanel, {
        alerts: { now: alertTrend, prev: { total: 10 }, yoy: { total: 0 } },
        cases: { now: caseTrend, prev: { total: caseBucket(8, 0.5) }, yoy: { total: caseBucket(4, null) } },
        periods,
        state: done,
      }),
    );
    expect(html).toContain('data-testid="alert-compare" data-now="15" data-prev="10" data-yoy="0"');
    expect(html).toContain('↑ 50.0%');
    expect(html).toMatch(/ap-tone-bad[^>]*>↑ 50.0%/);
    expect(html).toContain('↑ 25.0 个百分点');
    expect(html).toMatch(/ap-tone-good[^>]*>↑ 25.0 个百分点/);
    expect(html).toContain('—');
  });
});
