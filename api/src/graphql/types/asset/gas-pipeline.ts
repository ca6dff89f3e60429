// 燃气管道: a gas pipe segment.
import { assetNode, attr } from './asset-node.ts';

assetNode('gas_pipeline', '燃气管道 — a gas pipe segment.', (t) => ({
  pressureClass: t.string(attr<string>('pressure_class')),
  diameterMm: t.int(attr<number>('diameter_mm')),
  material: t.string(attr<string>('material')),
  operator: t.string(attr<string>('operator')),
  buriedDepthM: t.float(attr<number>('buried_depth_m')),
  builtYear: t.int(attr<number>('built_year')),
  lengthM: t.float(attr<number>('length_m')),
}));
