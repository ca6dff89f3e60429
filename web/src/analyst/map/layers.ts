// The deck.gl layers of the workbench map, from what is switched on: the vector-tile layers (the areas
// layer is the basemap), the density hexagons, the study area, the selected asset and the polygon being
// drawn. Building layers is cheap; deck.gl diffs them by id.
import type { Layer } from '@deck.gl/core';
import { MVTLayer } from '@deck.gl/geo-layers';
import { GeoJsonLayer, PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import { MVTLoader } from '@loaders.gl/mvt';
import type { AreaGeometry } from '../area/validate-area.ts';
import type { AreaChoice, MapLayerId, TimeRange } from '../contract.ts';
import {
  AREA_FILL,
  AREA_LINE,
  DRAW_COLOUR,
  densityColour,
  featureColour,
  type Rgba,
  SELECTED_COLOUR,
  STUDY_AREA_FILL,
  STUDY_AREA_LINE,
} from './colours.ts';
import { isTileLayer, TILE_MIN_ZOOM, type TileLayerId, tileJsonUrl } from './tile-sources.ts';
import type { DensityCell } from './useAlertDensity.ts';

export type TileProps = Record<string, unknown>;
type TileFeature = { properties: TileProps };

/** Drawing order, bottom to top. */
const ORDER: readonly MapLayerId[] = [
  'areas',
  'density',
  'slopes',
  'sites',
  'buildings',
  'pipelines',
  'waterlogging',
  'lamps',
  'alerts',
];

/** Tiles exist to zoom 16; deck.gl overzooms beyond. */
const MAX_TILE_ZOOM = 16;
const ASSET_ID_PROPERTY = 'code';
const LOADERS = [MVTLoader];
// Parse on the main thread: loaders.gl's workers would come from a CDN, and there is no internet.
const LOAD_OPTIONS = { core: { worker: false } };

export interface MapLayerInputs {
  layers: readonly MapLayerId[];
  extrude: boolean;
  area: AreaChoice | null;
  range: TimeRange;
  selected: string | null;
  density: readonly DensityCell[] | null;
  onAreasLoaded: () => void;
}

function tileLayer(id: TileLayerId, inputs: MapLayerInputs): Layer {
  const isAreas = id === 'areas';
  const isAlerts = id === 'alerts';
  const extruded = id === 'buildings' && inputs.extrude;
  return new MVTLayer<TileProps>({
    id: `tiles-${id}`,
    data: tileJsonUrl(id, inputs),
    minZoom: TILE_MIN_ZOOM[id],
    maxZoom: MAX_TILE_ZOOM,
    loaders: LOADERS,
    loadOptions: LOAD_OPTIONS,
    pickable: !isAreas,
    autoHighlight: false,
    uniqueIdProperty: isAlerts ? 'id' : ASSET_ID_PROPERTY,
    highlightedFeatureId: isAreas || isAlerts ? null : inputs.selected,
    highlightColor: SELECTED_COLOUR,
    filled: true,
    stroked: isAreas || id === 'pipelines' || !extruded,
    extruded,
    wireframe: false,
    getFillColor: (f: TileFeature) => (isAreas ? AREA_FILL : featureColour(id, f.properties)),
    getLineColor: (f: TileFeature) =>
      isAreas
        ? AREA_LINE
        : id === 'pipelines'
          ? featureColour(id, f.properties)
          : darker(featureColour(id, f.properties)),
    getLineWidth: id === 'pipelines' ? 3 : 1,
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 1,
    getElevation: (f: TileFeature) => {
      const h = Number(f.properties.heightM);
      return Number.isFinite(h) && h > 0 ? h : 3;
    },
    pointType: 'circle',
    getPointRadius: isAlerts ? 6 : 4,
    pointRadiusUnits: 'pixels',
    pointRadiusMinPixels: 2,
    ...(isAreas ? { onViewportLoad: inputs.onAreasLoaded } : {}),
  });
}

const darker = ([r, g, b]: Rgba): Rgba => [
  Math.round(r * 0.6),
  Math.round(g * 0.6),
  Math.round(b * 0.6),
  255,
];

function densityLayer(cells: readonly DensityCell[], extrude: boolean): Layer {
  const max = cells.reduce((m, c) => Math.max(m, c.count), 0);
  return new PolygonLayer<DensityCell>({
    id: 'density',
    data: cells,
    getPolygon: (c) => c.hexagon.coordinates,
    getFillColor: (c) => densityColour(c.count, max),
    getLineColor: [255, 255, 255, 60],
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    extruded: extrude,
    // The busiest cell stands 1.5 km tall.
    getElevation: (c) => (max > 0 ? (c.count / max) * 1500 : 0),
    pickable: false,
    updateTriggers: { getFillColor: max, getElevation: max },
  });
}

function studyAreaLayer(geometry: AreaGeometry): Layer {
  return new GeoJsonLayer({
    id: 'study-area',
    data: [{ type: 'Feature', properties: {}, geometry }],
    filled: true,
    stroked: true,
    getFillColor: STUDY_AREA_FILL,
    getLineColor: STUDY_AREA_LINE,
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    pickable: false,
  });
}

function selectedLayer(position: [number, number]): Layer {
  return new ScatterplotLayer<[number, number]>({
    id: 'selected-ring',
    data: [position],
    getPosition: (p) => p,
    getRadius: 12,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: SELECTED_COLOUR,
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    pickable: false,
  });
}

export interface DrawSketch {
  vertices: readonly [number, number][];
  pointer: [number, number] | null;
}

function drawLayers({ vertices, pointer }: DrawSketch): Layer[] {
  const path = pointer ? [...vertices, pointer] : [...vertices];
  // Close the rubber band back to the first vertex once it makes a shape.
  if (pointer && vertices.length >= 2) path.push(vertices[0]!);
  return [
    new PathLayer<[number, number][]>({
      id: 'draw-path',
      data: path.length >= 2 ? [path] : [],
      getPath: (p) => p,
      getColor: DRAW_COLOUR,
      getWidth: 2,
      widthUnits: 'pixels',
      pickable: false,
    }),
    new ScatterplotLayer<[number, number]>({
      id: 'draw-vertices',
      data: [...vertices],
      getPosition: (p) => p,
      getRadius: 5,
      radiusUnits: 'pixels',
      getFillColor: DRAW_COLOUR,
      getLineColor: [0, 0, 0, 255],
      stroked: true,
      getLineWidth: 1,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
  ];
}

export interface OverlayInputs {
  studyArea: AreaGeometry | null;
  selectedAt: [number, number] | null;
  sketch: DrawSketch | null;
}

/** The data layers that are switched on, bottom to top. */
export function buildDataLayers(inputs: MapLayerInputs): Layer[] {
  const on = new Set(inputs.layers);
  const layers: Layer[] = [];
  for (const id of ORDER) {
    if (!on.has(id)) continue;
    if (isTileLayer(id)) layers.push(tileLayer(id, inputs));
    else if (inputs.density && inputs.density.length > 0)
      layers.push(densityLayer(inputs.density, inputs.extrude));
  }
  return layers;
}

/** What goes over the data: the study area, the selected asset's ring, the polygon being drawn. */
export function buildOverlayLayers(overlays: OverlayInputs): Layer[] {
  const layers: Layer[] = [];
  if (overlays.studyArea) layers.push(studyAreaLayer(overlays.studyArea));
  if (overlays.selectedAt) layers.push(selectedLayer(overlays.selectedAt));
  if (overlays.sketch) layers.push(...drawLayers(overlays.sketch));
  return layers;
}
