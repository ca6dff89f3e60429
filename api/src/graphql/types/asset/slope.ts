// 边坡: a slope with its risk grade and hazard buffer.
import { RiskGradeEnum } from '../../enums.ts';
import { assetNode, attr } from './asset-node.ts';

assetNode('slope', '边坡 — a slope with its risk grade and hazard buffer.', (t) => ({
  riskGrade: t.field({ type: RiskGradeEnum, ...attr<'low' | 'medium' | 'high'>('risk_grade') }),
  slopeType: t.string(attr<string>('slope_type')),
  heightM: t.float(attr<number>('height_m')),
  gradientDeg: t.float(attr<number>('gradient_deg')),
  hazardBufferM: t.float({
    description: 'Buildings within this distance are at risk.',
    ...attr<number>('hazard_buffer_m'),
  }),
  protection: t.string({ nullable: true, ...attr<string | null>('protection') }),
}));
