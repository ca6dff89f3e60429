// One tile's content as a binary glTF 2.0: the extruded mesh with a feature id per vertex (EXT_mesh_features)
// and a property table per building (EXT_structural_metadata), so a click resolves to the building and the
// screen styles buildings by attribute or alert state at run time without rebuilding.
import type { Mesh } from './extrude.ts';

export interface BuildingProperties {
  assetId: number;
  code: string;
  heightM: number;
  floors: number;
  safetyGrade: string;
  selfBuilt: boolean;
  use: string;
}

/** The metadata schema every tile carries (3D Tiles 1.1 / EXT_structural_metadata). */
export const BUILDING_SCHEMA = {
  id: 'city_one_map',
  classes: {
    building: {
      name: '房屋 Building',
      properties: {
        assetId: { type: 'SCALAR', componentType: 'UINT32', description: 'assets.id' },
        code: { type: 'STRING', description: '一栋一码 building code' },
        heightM: { type: 'SCALAR', componentType: 'FLOAT32' },
        floors: { type: 'SCALAR', componentType: 'UINT16' },
        safetyGrade: { type: 'STRING', description: '房屋安全等级 A–D' },
        selfBuilt: { type: 'BOOLEAN', description: '自建房' },
        use: { type: 'STRING' },
      },
    },
  },
} as const;

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;

interface BufferView {
  buffer: 0;
  byteOffset: number;
  byteLength: number;
  target?: number;
}

/** Collects byte blocks into one binary chunk, each block 8-byte aligned (as metadata requires). */
class BinChunk {
  private parts: Uint8Array[] = [];
  private length = 0;
  readonly views: BufferView[] = [];
  add(bytes: Uint8Array, target?: number): number {
    const pad = (8 - (this.length % 8)) % 8;
    if (pad) {
      this.parts.push(new Uint8Array(pad));
      this.length += pad;
    }
    this.views.push({
      buffer: 0,
      byteOffset: this.length,
      byteLength: bytes.byteLength,
      ...(target ? { target } : {}),
    });
    this.parts.push(bytes);
    this.length += bytes.byteLength;
    return this.views.length - 1;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.length / 4) * 4);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
}

const asBytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function stringColumn(bin: BinChunk, values: readonly string[]) {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v));
  const offsets = new Uint32Array(values.length + 1);
  let total = 0;
  encoded.forEach((e, i) => {
    offsets[i] = total;
    total += e.byteLength;
  });
  offsets[values.length] = total;
  const data = new Uint8Array(total);
  let at = 0;
  for (const e of encoded) {
    data.set(e, at);
    at += e.byteLength;
  }
  return { values: bin.add(data), stringOffsets: bin.add(asBytes(offsets)), stringOffsetType: 'UINT32' };
}

function booleanColumn(bin: BinChunk, values: readonly boolean[]) {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v) bits[i >> 3]! |= 1 << (i & 7);
  });
  return { values: bin.add(bits) };
}

export function writeGlb(mesh: Mesh, buildings: readonly BuildingProperties[]): Buffer {
  const bin = new BinChunk();
  const count = mesh.vertexCount;
  const wide = count > 65_535;
  const indices = wide ? mesh.indices : Uint16Array.from(mesh.indices);

  const accessors = [
    {
      bufferView: bin.add(asBytes(mesh.positions), ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'VEC3',
      min: mesh.min,
      max: mesh.max,
    },
    { bufferView: bin.add(asBytes(mesh.normals), ARRAY_BUFFER), componentType: FLOAT, count, type: 'VEC3' },
    {
      bufferView: bin.add(asBytes(mesh.featureIds), ARRAY_BUFFER),
      componentType: FLOAT,
      count,
      type: 'SCALAR',
    },
    {
      bufferView: bin.add(asBytes(indices), ELEMENT_ARRAY_BUFFER),
      componentType: wide ? UNSIGNED_INT : UNSIGNED_SHORT,
      count: indices.length,
      type: 'SCALAR',
    },
  ];

  const propertyTable = {
    class: 'building',
    count: buildings.length,
    properties: {
      assetId: { values: bin.add(asBytes(Uint32Array.from(buildings, (b) => b.assetId))) },
      code: stringColumn(
        bin,
        buildings.map((b) => b.code),
      ),
      heightM: { values: bin.add(asBytes(Float32Array.from(buildings, (b) => b.heightM))) },
      floors: { values: bin.add(asBytes(Uint16Array.from(buildings, (b) => b.floors))) },
      safetyGrade: stringColumn(
        bin,
        buildings.map((b) => b.safetyGrade),
      ),
      selfBuilt: booleanColumn(
        bin,
        buildings.map((b) => b.selfBuilt),
      ),
      use: stringColumn(
        bin,
        buildings.map((b) => b.use),
      ),
    },
  };

  const binary = bin.bytes();
  const gltf = {
    asset: { version: '2.0', generator: 'city-one-map tiles/3d' },
    extensionsUsed: ['EXT_mesh_features', 'EXT_structural_metadata'],
    extensions: { EXT_structural_metadata: { schema: BUILDING_SCHEMA, propertyTables: [propertyTable] } },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [
      {
        primitives: [
          {
            attributes: { POSITION: 0, NORMAL: 1, _FEATURE_ID_0: 2 },
            indices: 3,
            material: 0,
            mode: 4,
            extensions: {
              EXT_mesh_features: {
                featureIds: [{ featureCount: buildings.length, attribute: 0, propertyTable: 0 }],
              },
            },
          },
        ],
      },
    ],
    materials: [
      {
        name: 'building',
        pbrMetallicRoughness: {
          baseColorFactor: [0.78, 0.84, 0.9, 1],
          metallicFactor: 0,
          roughnessFactor: 1,
        },
      },
    ],
    accessors,
    bufferViews: bin.views,
    buffers: [{ byteLength: binary.byteLength }],
  };

  let json = Buffer.from(JSON.stringify(gltf), 'utf8');
  const jsonPad = (4 - (json.byteLength % 4)) % 4;
  if (jsonPad) json = Buffer.concat([json, Buffer.alloc(jsonPad, 0x20)]);
  const total = 12 + 8 + json.byteLength + 8 + binary.byteLength;
  const out = Buffer.alloc(total);
  out.writeUInt32LE(0x46546c67, 0); // 'glTF'
  out.writeUInt32LE(2, 4);
  out.writeUInt32LE(total, 8);
  out.writeUInt32LE(json.byteLength, 12);
  out.writeUInt32LE(0x4e4f534a, 16); // 'JSON'
  json.copy(out, 20);
  const binAt = 20 + json.byteLength;
  out.writeUInt32LE(binary.byteLength, binAt);
  out.writeUInt32LE(0x004e4942, binAt + 4); // 'BIN\0'
  out.set(binary, binAt + 8);
  return out;
}

/** Reads a glb back into its JSON and binary chunk (tests and tools). */
export function readGlb(glb: Buffer): { json: Record<string, unknown>; bin: Buffer } {
  if (glb.readUInt32LE(0) !== 0x46546c67) throw new Error('not a glb');
  const jsonLength = glb.readUInt32LE(12);
  const json = JSON.parse(glb.subarray(20, 20 + jsonLength).toString('utf8')) as Record<string, unknown>;
  const binAt = 20 + jsonLength;
  const binLength = glb.readUInt32LE(binAt);
  return { json, bin: glb.subarray(binAt + 8, binAt + 8 + binLength) };
}
