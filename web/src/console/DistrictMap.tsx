// A small offline map of a case: the district outlines from /api/areas (no tiles), framed on the case's
// district, with the case as a point.
import type { MultiPolygon, Position } from 'geojson';
import { useEffect, useState } from 'react';
import { type Districts, fetchDistricts } from '../data/districts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

let districts: Promise<Districts> | null = null;
const loadDistricts = () => {
  districts ??= fetchDistricts().catch((e: Error) => {
    districts = null;
    throw e;
  });
  return districts;
};

const WIDTH = 320;
const HEIGHT = 200;

export function DistrictMap({ districtCode, point }: { districtCode: string; point: [number, number] }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<Districts | null>(null);
  useEffect(() => {
    let live = true;
    loadDistricts()
      .then((d) => live && setData(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!data) return <div className="district-map empty" />;

  const home = data.features.find((f) => f.properties.code === districtCode);
  const frame = bounds(home ? [home.geometry] : data.features.map((f) => f.geometry), point);
  const kx = Math.cos((((frame.minY + frame.maxY) / 2) * Math.PI) / 180);
  const w = (frame.maxX - frame.minX) * kx;
  const h = frame.maxY - frame.minY;
  const scale = Math.min(WIDTH / w, HEIGHT / h) * 0.9;
  const ox = (WIDTH - w * scale) / 2;
  const oy = (HEIGHT - h * scale) / 2;
  const xy = ([lon, lat]: Position): [number, number] => [
    ox + (lon! - frame.minX) * kx * scale,
    oy + (frame.maxY - lat!) * scale,
  ];
  const path = (g: MultiPolygon) =>
    g.coordinates
      .flatMap((poly) =>
        poly.map(
          (ring) =>
            `M${ring
              .map(xy)
              .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`)
              .join('L')}Z`,
        ),
      )
      .join('');
  const [px, py] = xy(point);
  const name = home
    ? locale === 'en'
      ? (home.properties.nameEn ?? home.properties.name)
      : home.properties.name
    : '';

  return (
    <svg
      className="district-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${t('location')} ${name}`}
      data-testid="case-map"
    >
      {data.features.map((f) => (
        <path
          key={f.properties.code}
          d={path(f.geometry)}
          className={f.properties.code === districtCode ? 'home' : 'other'}
        />
      ))}
      <circle cx={px} cy={py} r={9} className="halo" />
      <circle cx={px} cy={py} r={4} className="point" />
      <text x={8} y={HEIGHT - 8}>
        {name}
      </text>
    </svg>
  );
}

function bounds(geometries: MultiPolygon[], point: [number, number]) {
  let [minX, minY, maxX, maxY] = [point[0], point[1], point[0], point[1]];
  for (const g of geometries)
    for (const poly of g.coordinates)
      for (const [x, y] of poly[0] ?? []) {
        minX = Math.min(minX, x!);
        maxX = Math.max(maxX, x!);
        minY = Math.min(minY, y!);
        maxY = Math.max(maxY, y!);
      }
  return { minX, minY, maxX, maxY };
}
