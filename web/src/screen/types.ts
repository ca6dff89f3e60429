// The big screen's shared vocabulary: what the map layers, the panels and the screen state pass between them.
import type { AlertSeverity as Severity } from '../data/generated/graphql.ts';

export type { Severity };
/** Screen colours per severity (the console uses the same four). */
export const SEVERITY_CSS: Readonly<Record<Severity, string>> = {
  BLUE: '#3d8bff',
  YELLOW: '#ffd400',
  ORANGE: '#ff8a00',
  RED: '#ff3040',
};

/** Map layers that can be toggled. */
export const LAYER_IDS = [
  'buildings',
  'construction_site',
  'slope',
  'street_lamp',
  'waterlogging_point',
  'gas_pipeline',
  'alerts',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** How the buildings are coloured. */
export type BuildingColouring = 'safety_grade' | 'self_built' | 'alert_state';

/** An active alert as the screen shows it (built from `alerts` and kept current by `alertEvents`). */
export interface ActiveAlert {
  /** Relay global id of the Alert. */
  id: string;
  severity: Severity;
  /** DeviceType, e.g. CRANE_MONITOR. */
  deviceType: string;
  /** Rule name in the current language is resolved by the panel; this is the rule's zh-CN name. */
  ruleName: string;
  ruleNameEn: string;
  /** [lon, lat] of the device. */
  position: [number, number];
  assetCode: string | null;
  assetKind: string | null;
  districtCode: string | null;
  value: number | null;
  startedAt: string;
  /** When it was raised or last changed severity. */
  raisedAt: string;
  acknowledged: boolean;
}

/** What was clicked: an asset by its code (a building from 3D Tiles, a site, a lamp, …) or an alert. */
export type Selection = { type: 'asset'; code: string } | { type: 'alert'; id: string };

/** The live connection as the banner shows it. */
export interface Connection {
  status: 'connecting' | 'live' | 'retrying';
  /** When the newest data was received (epoch ms), null before the first load. */
  dataAt: number | null;
}
