// 在建工地: a site with its parties, stage, deep pit and dangerous works (危大工程).
import { SiteStageEnum } from '../../enums.ts';
import { assetNode, attr } from './asset-node.ts';

assetNode(
  'construction_site',
  '在建工地 — a site with its parties, stage, deep pit and dangerous works (危大工程).',
  (t) => ({
    projectName: t.string(attr<string>('project_name')),
    builder: t.string({ description: '建设单位', ...attr<string>('builder') }),
    contractor: t.string({ description: '施工单位', ...attr<string>('contractor') }),
    supervisor: t.string({ description: '监理单位', ...attr<string>('supervisor') }),
    monitor: t.string({ nullable: true, description: '第三方监测单位', ...attr<string | null>('monitor') }),
    stage: t.field({ type: SiteStageEnum, ...attr<string>('stage') }),
    dangerousWorks: t.stringList(attr<string[]>('dangerous_works')),
    pitDepthM: t.float({ nullable: true, ...attr<number | null>('pit_depth_m') }),
    pitOutline: t.field({ type: 'GeoJSON', nullable: true, ...attr<never>('pit_outline') }),
    startedOn: t.string(attr<string>('started_on')),
    plannedCompletion: t.string(attr<string>('planned_completion')),
  }),
);
