// 易涝点: a waterlogging point with its depth bands in centimetres.
import { assetNode, attr } from './asset-node.ts';

assetNode(
  'waterlogging_point',
  '易涝点 — a waterlogging point with its depth bands in centimetres.',
  (t) => ({
    roadName: t.string(attr<string>('road_name')),
    blueCm: t.float(attr<number>('blue_cm')),
    yellowCm: t.float(attr<number>('yellow_cm')),
    orangeCm: t.float(attr<number>('orange_cm')),
    redCm: t.float(attr<number>('red_cm')),
    historyMaxCm: t.float({ nullable: true, ...attr<number | null>('history_max_cm') }),
  }),
);
