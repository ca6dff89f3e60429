// 房屋: a building with its use, structure and safety grade (JGJ 125).
import { BuildingUseEnum, SafetyGradeEnum } from '../../enums.ts';
import { assetNode, attr } from './asset-node.ts';

assetNode('building', '房屋 — a building with its use, structure and safety grade (JGJ 125).', (t) => ({
  floors: t.int(attr<number>('floors')),
  heightM: t.float(attr<number>('height_m')),
  use: t.field({ type: BuildingUseEnum, ...attr<string>('use') }),
  structure: t.string(attr<string>('structure')),
  yearBuilt: t.int(attr<number>('year_built')),
  selfBuilt: t.boolean({ description: '自建房', ...attr<boolean>('self_built') }),
  safetyGrade: t.field({ type: SafetyGradeEnum, ...attr<'A' | 'B' | 'C' | 'D'>('safety_grade') }),
  footprintM2: t.float(attr<number>('footprint_m2')),
  floorAreaM2: t.float(attr<number>('floor_area_m2')),
  lastInspectedOn: t.string({
    nullable: true,
    description: 'YYYY-MM-DD',
    ...attr<string | null>('last_inspected_on'),
  }),
  hazards: t.stringList(attr<string[]>('hazards')),
}));
