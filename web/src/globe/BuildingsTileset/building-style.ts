// The buildings tileset's colouring as a 3D Tiles style: by safety grade, self-built or not, or the worst
// active alert on each building. Styles are evaluated per feature at run time; nothing is rebuilt.
import {
  buildingAlertCss,
  NEUTRAL_BUILDING_CSS,
  SAFETY_GRADE_CSS,
  SELF_BUILT_CSS,
} from '../../screen/layers/palette.ts';
import type { BuildingColouring, Severity } from '../../screen/types.ts';

export type StyleConditions = [string, string][];

const color = (css: string) => `color('${css}')`;
/** Building codes are [A-Z0-9-] (the assets table checks it); anything else is left out, not quoted. */
const SAFE_CODE = /^[A-Z0-9-]{1,40}$/;

export function buildingStyleConditions(
  colouring: BuildingColouring,
  alertByAsset: ReadonlyMap<string, Severity>,
): StyleConditions {
  switch (colouring) {
    case 'safety_grade':
      return [
        ...Object.entries(SAFETY_GRADE_CSS).map(([grade, css]): [string, string] => [
          `\${safetyGrade} === '${grade}'`,
          color(css),
        ]),
        ['true', color(NEUTRAL_BUILDING_CSS)],
      ];
    case 'self_built':
      return [
        [`\${selfBuilt} === true`, color(SELF_BUILT_CSS)],
        ['true', color(NEUTRAL_BUILDING_CSS)],
      ];
    case 'alert_state':
      return [
        ...[...alertByAsset]
          .filter(([code]) => SAFE_CODE.test(code))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, severity]): [string, string] => [
            `\${code} === '${code}'`,
            color(buildingAlertCss(severity)),
          ]),
        ['true', color(NEUTRAL_BUILDING_CSS)],
      ];
  }
}
