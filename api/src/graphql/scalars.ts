// GeoJSON (RFC 7946 geometry, [lon, lat]) and DateTime (ISO 8601 with a zone offset) scalars.
// GeoJSON input is checked for shape here and for placement and validity where it is used.
import { GraphQLError, Kind, type ValueNode, valueFromASTUntyped } from 'graphql';
import { builder } from './builder.ts';

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    default:
      return null;
  }
}

function geometryObject(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('type' in value)) {
    throw new GraphQLError('GeoJSON must be a geometry object with "type" and "coordinates"', {
      extensions: { code: 'INVALID_GEOMETRY' },
    });
  }
  return value;
}

builder.scalarType('GeoJSON', {
  description: 'An RFC 7946 GeoJSON geometry in WGS84, positions as [longitude, latitude].',
  serialize: (value) => value,
  parseValue: geometryObject,
  parseLiteral: (node) => geometryObject(literal(node)),
});

// Offsets are required: a time without a zone is ambiguous for a duty officer in UTC+8.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when the calendar fields written are the ones parsed (no 30 February, no 24:00 rolling over). */
function fieldsExist(text: string): boolean {
  const [y, mo, d, h, mi] = text.slice(0, 16).split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return (
    local.getUTCFullYear() === y &&
    local.getUTCMonth() === mo - 1 &&
    local.getUTCDate() === d &&
    local.getUTCHours() === h &&
    local.getUTCMinutes() === mi
  );
}

function parseDateTime(value: unknown): Date {
  const date =
    typeof value === 'string' && ISO_8601.test(value) && fieldsExist(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be ISO 8601 with an offset, e.g. 2026-11-21T08:00:00+08:00', {
      extensions: { code: 'INVALID_INPUT' },
    });
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant as ISO 8601 with an offset; output in UTC (…Z).',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (node) => parseDateTime(node.kind === Kind.STRING ? node.value : null),
});

builder.scalarType('JSON', {
  description: 'Any JSON value; output only (audit snapshots).',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON is an output type', { extensions: { code: 'INVALID_INPUT' } });
  },
});

builder.scalarType('JSONInput', {
  description:
    'A JSON value given as input (e.g. an alert rule definition); checked by the field that takes it.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
});
