// District boundaries as bright outlines with labels in the current language.
import {
  Cartesian2,
  Cartesian3,
  Color,
  HorizontalOrigin,
  LabelCollection,
  LabelStyle,
  Material,
  PolylineCollection,
  VerticalOrigin,
} from 'cesium';
import { useEffect, useRef } from 'react';
import { useCesium } from 'resium';
import type { Districts } from '../../data/districts.ts';
import { type OnGlobeError, useReportError } from '../report-error.ts';

export const OUTLINE_CSS = '#38e1ff';
const OUTLINE = Color.fromCssColorString(OUTLINE_CSS);

const nameOf = (p: Districts['features'][number]['properties'], locale: string) =>
  locale === 'en' ? (p.nameEn ?? p.name) : p.name;

function labelPoint(coords: number[][][][]): [number, number] {
  // The centre of the largest part's bounding box is a good enough label anchor for districts.
  const ring = coords.reduce((a, b) => (b[0]!.length > a[0]!.length ? b : a))[0]!;
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** One outline per polygon and one label per district. */
function addDistricts(
  districts: Districts,
  locale: string,
  lines: PolylineCollection,
  labels: LabelCollection,
) {
  for (const f of districts.features) {
    for (const poly of f.geometry.coordinates) {
      // One material per polyline: destroying the collection destroys each polyline's own.
      lines.add({
        positions: Cartesian3.fromDegreesArray(poly[0]!.flat()),
        width: 2.5,
        material: Material.fromType('Color', { color: OUTLINE }),
      });
    }
    const [lon, lat] = labelPoint(f.geometry.coordinates);
    labels.add({
      position: Cartesian3.fromDegrees(lon, lat, 50),
      text: nameOf(f.properties, locale),
      font: '15px sans-serif',
      fillColor: Color.WHITE,
      outlineColor: Color.BLACK,
      outlineWidth: 3,
      style: LabelStyle.FILL_AND_OUTLINE,
      horizontalOrigin: HorizontalOrigin.CENTER,
      verticalOrigin: VerticalOrigin.CENTER,
      pixelOffset: Cartesian2.ZERO,
    });
  }
}

export function DistrictOutlines({
  districts,
  locale,
  onReady,
  onError,
}: {
  districts: Districts;
  locale: 'zh-CN' | 'en';
  onReady?: () => void;
  onError?: OnGlobeError;
}) {
  const { scene } = useCesium();
  const report = useReportError(onError);
  const labelsRef = useRef<LabelCollection | null>(null);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  useEffect(() => {
    if (!scene) return;
    const lines = new PolylineCollection();
    const labels = new LabelCollection({ scene });
    try {
      addDistricts(districts, localeRef.current, lines, labels);
    } catch (cause) {
      // Bad geometry must not leave half-built collections behind or throw into React.
      lines.destroy();
      labels.destroy();
      report('drawing the district outlines', cause);
      return;
    }
    scene.primitives.add(lines);
    scene.primitives.add(labels);
    labelsRef.current = labels;
    scene.requestRender();
    onReady?.();
    return () => {
      labelsRef.current = null;
      if (scene.isDestroyed()) return;
      scene.primitives.remove(lines); // remove() destroys them
      scene.primitives.remove(labels);
    };
  }, [scene, districts, onReady, report]);

  // A language switch relabels in place instead of rebuilding the primitives.
  useEffect(() => {
    const labels = labelsRef.current;
    if (!labels || !scene) return;
    districts.features.forEach((f, i) => {
      labels.get(i).text = nameOf(f.properties, locale);
    });
    scene.requestRender();
  }, [scene, districts, locale]);
  return null;
}
