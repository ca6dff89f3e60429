// 路灯: a street lamp on a circuit fed by a cabinet.
import { LampStatusEnum } from '../../enums.ts';
import { assetNode, attr } from './asset-node.ts';

assetNode('street_lamp', '路灯 — a street lamp on a circuit fed by a cabinet.', (t) => ({
  circuitCode: t.string(attr<string>('circuit_code')),
  cabinetCode: t.string(attr<string>('cabinet_code')),
  roadName: t.string(attr<string>('road_name')),
  roadClass: t.string(attr<string>('road_class')),
  lampType: t.string(attr<string>('lamp_type')),
  powerW: t.int(attr<number>('power_w')),
  poleHeightM: t.float(attr<number>('pole_height_m')),
  status: t.field({ type: LampStatusEnum, ...attr<'on' | 'off' | 'fault'>('status') }),
}));
