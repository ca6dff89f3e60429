// The GraphQL schema: every type module registers itself on the builder; this file only imports them.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './types/accounts.ts';
import './types/alert/alert.ts';
import './types/alert/events.ts';
import './types/alert/history.ts';
import './types/alert/mutations.ts';
import './types/alert/queries.ts';
import './types/alert/rule.ts';
import './types/analysis.ts';
import './types/area.ts';
import './types/asset/asset.ts';
import './types/asset/building.ts';
import './types/asset/construction-site.ts';
import './types/asset/distance.ts';
import './types/asset/gas-pipeline.ts';
import './types/asset/queries.ts';
import './types/asset/slope.ts';
import './types/asset/street-lamp.ts';
import './types/asset/waterlogging-point.ts';
import './types/audit.ts';
import './types/case/case.ts';
import './types/case/category.ts';
import './types/case/events.ts';
import './types/case/kpis.ts';
import './types/case/mutations.ts';
import './types/case/queries.ts';
import './types/device.ts';
import './types/ingest.ts';
import './types/mqtt-credentials.ts';
import './types/stats.ts';
import './types/unit.ts';
import './types/viewer.ts';

export const schema = builder.toSchema();

/** The SDL committed as api/schema.graphql. */
export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
