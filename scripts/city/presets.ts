// City sizes. `large` matches the scale of Qingyuan Qingcheng's ~260,000 self-built houses.
export interface PresetSpec {
  buildings: number;
  sites: number;
  slopes: number;
  waterloggingPoints: number;
  historyDays: number;
}

export const PRESET_SPECS = {
  demo: { buildings: 20_000, sites: 60, slopes: 40, waterloggingPoints: 50, historyDays: 7 },
  large: { buildings: 260_000, sites: 800, slopes: 500, waterloggingPoints: 400, historyDays: 7 },
} as const satisfies Record<string, PresetSpec>;
