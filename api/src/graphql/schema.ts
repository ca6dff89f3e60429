// The GraphQL schema: every type module registers itself on the builder; this file only imports them.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './types/accounts.ts';
import './types/alerts.ts';
import './types/analysis.ts';
import './types/area.ts';
import './types/audit.ts';
import './types/cases.ts';
import './types/asset.ts';
import './types/device.ts';
import './types/mqtt-credentials.ts';
import './types/stats.ts';
import './types/unit.ts';
import './types/viewer.ts';

export const schema = builder.toSchema();

/** The SDL committed as api/schema.graphql. */
export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
