// tileset.json for the buildings (3D Tiles 1.1): root → districts → streets → quadtree cells. Cells hold
// buildings by height band and refine by adding (ADD); a cell's geometric error is the tallest building it
// leaves out, so a city view draws the skyline and nearer views add the rest. Empty grouping nodes always
// refine. Cut to a caller's scope by leaving out other districts' or streets' subtrees.
import { enuFrame, frameMatrix } from './enu.ts';
import { type Bounds, HEIGHT_BANDS, parentCell } from './tile-grid.ts';

export interface TileRecord {
  streetCode: string;
  districtCode: string;
  level: number;
  x: number;
  y: number;
  bounds: Bounds;
  maxHeightM: number;
  sourceHash: string;
}

interface Tile {
  boundingVolume: { region: number[] };
  geometricError: number;
  refine?: 'ADD';
  transform?: number[];
  content?: { uri: string };
  children?: Tile[];
}

/** Grouping nodes (root, district, street) never draw anything: they must always be refined. */
const GROUPING_ERROR = 100_000;
const RAD = Math.PI / 180;

/** The local frame a tile's vertices are in: east-north-up at the centre of its buildings' bounds. */
export const tileFrame = (bounds: Bounds) =>
  enuFrame((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2);

export const contentUri = (t: Pick<TileRecord, 'streetCode' | 'level' | 'x' | 'y' | 'sourceHash'>) =>
  `t/${encodeURIComponent(t.streetCode)}/${t.level}/${t.x}/${t.y}.glb?v=${t.sourceHash.slice(0, 16)}`;

interface Node {
  bounds: [number, number, number, number];
  maxHeightM: number;
  record: TileRecord | null;
  children: Map<string, Node>;
}

const emptyNode = (): Node => ({
  bounds: [Infinity, Infinity, -Infinity, -Infinity],
  maxHeightM: 0,
  record: null,
  children: new Map(),
});

function grow(node: Node, bounds: Bounds, h: number) {
  node.bounds = [
    Math.min(node.bounds[0], bounds[0]),
    Math.min(node.bounds[1], bounds[1]),
    Math.max(node.bounds[2], bounds[2]),
    Math.max(node.bounds[3], bounds[3]),
  ];
  node.maxHeightM = Math.max(node.maxHeightM, h);
}

const child = (node: Node, key: string) => {
  let c = node.children.get(key);
  if (!c) {
    c = emptyNode();
    node.children.set(key, c);
  }
  return c;
};

// Column-major 4×4 helpers for rigid transforms.
function multiply(a: number[], b: number[]): number[] {
  const out = new Array<number>(16).fill(0);
  for (let c = 0; c < 4; c++)
    for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) out[c * 4 + r]! += a[k * 4 + r]! * b[c * 4 + k]!;
  return out;
}
function invertRigid(m: number[]): number[] {
  // [R t; 0 1]⁻¹ = [Rᵀ −Rᵀt; 0 1]
  const r = [m[0]!, m[4]!, m[8]!, m[1]!, m[5]!, m[9]!, m[2]!, m[6]!, m[10]!];
  const t = [m[12]!, m[13]!, m[14]!];
  const out = [r[0]!, r[1]!, r[2]!, 0, r[3]!, r[4]!, r[5]!, 0, r[6]!, r[7]!, r[8]!, 0, 0, 0, 0, 1];
  out[12] = -(out[0]! * t[0]! + out[4]! * t[1]! + out[8]! * t[2]!);
  out[13] = -(out[1]! * t[0]! + out[5]! * t[1]! + out[9]! * t[2]!);
  out[14] = -(out[2]! * t[0]! + out[6]! * t[1]! + out[10]! * t[2]!);
  return out;
}

const region = (n: Node) => [
  n.bounds[0] * RAD,
  n.bounds[1] * RAD,
  n.bounds[2] * RAD,
  n.bounds[3] * RAD,
  0,
  n.maxHeightM,
];

/** The tallest building in the subtree below a node (what is missing if it is not refined). */
function missingBelow(n: Node): number {
  let h = 0;
  for (const c of n.children.values()) h = Math.max(h, c.maxHeightM);
  return h;
}

function toTile(n: Node, parentWorld: number[] | null): Tile {
  const tile: Tile = { boundingVolume: { region: region(n) }, geometricError: missingBelow(n) };
  let world = parentWorld;
  if (n.record) {
    const own = frameMatrix(tileFrame(n.record.bounds));
    tile.transform = parentWorld ? multiply(invertRigid(parentWorld), own) : own;
    tile.content = { uri: contentUri(n.record) };
    world = own;
  }
  if (n.children.size > 0) {
    tile.refine = 'ADD';
    tile.children = [...n.children.keys()].sort().map((k) => toTile(n.children.get(k)!, world));
  }
  return tile;
}

/** Whether a scope (a district or street code; null = the whole city) includes a tile. */
export const inScope = (scope: string | null, t: Pick<TileRecord, 'districtCode' | 'streetCode'>) =>
  scope === null || scope === t.districtCode || scope === t.streetCode;

export function buildTilesetJson(records: readonly TileRecord[], scope: string | null): object {
  const root = emptyNode();
  const top = HEIGHT_BANDS[0]?.level ?? 0;
  for (const r of records) {
    if (!inScope(scope, r)) continue;
    const district = child(root, r.districtCode);
    const street = child(district, r.streetCode);
    // Path from the street's top cell down to the tile's cell.
    let node = street;
    const path: Node[] = [root, district, street];
    for (let level = Math.min(top, r.level); level <= r.level; level++) {
      const c = parentCell(r.level, r.x, r.y, level);
      node = child(node, `${level}/${c.x}/${c.y}`);
      path.push(node);
    }
    node.record = r;
    for (const p of path) grow(p, r.bounds, r.maxHeightM);
  }
  // Root, districts and streets group; below a street the cells begin.
  const grouped = (n: Node, groupingBelow: number): Tile => ({
    boundingVolume: { region: region(n) },
    geometricError: GROUPING_ERROR,
    refine: 'ADD',
    children: [...n.children.keys()]
      .sort()
      .map((k) =>
        groupingBelow > 0 ? grouped(n.children.get(k)!, groupingBelow - 1) : toTile(n.children.get(k)!, null),
      ),
  });
  const rootTile: Tile =
    root.children.size === 0
      ? { boundingVolume: { region: [0, 0, 0, 0, 0, 0] }, geometricError: 0, children: [] }
      : grouped(root, 2);
  return {
    asset: { version: '1.1', generator: 'city-one-map tiles/3d' },
    geometricError: GROUPING_ERROR,
    root: rootTile,
  };
}
