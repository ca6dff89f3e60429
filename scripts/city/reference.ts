// Reads the real reference data shipped in db/data (district boundaries, land mask, street codes).
// See README "Data sources and attribution".
import fs from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';

export interface DistrictRef {
  code: string;
  name: string;
  nameEn: string;
  geometry: Polygon | MultiPolygon;
}

export interface StreetRef {
  code: string;
  name: string;
  districtCode: string;
}

export interface Reference {
  districts: DistrictRef[];
  land: MultiPolygon[];
  streets: StreetRef[];
}

/** 大鹏新区 has no GB/T 2260 code (it is administered within 龙岗区 440307); this is our own code for it. */
export const DAPENG_CODE = '440307DP';
const DAPENG_STREETS = new Set(['440307009', '440307010', '440307011']); // 葵涌、大鹏、南澳

export function loadReference(dataDir: string): Reference {
  const read = (name: string) => fs.readFileSync(path.join(dataDir, name), 'utf8');
  const districtsJson = JSON.parse(read('shenzhen_districts.geojson')) as {
    features: {
      properties: { adcode: number | null; name: string; name_en: string };
      geometry: Polygon | MultiPolygon;
    }[];
  };
  const districts = districtsJson.features.map((f) => ({
    code: f.properties.adcode === null ? DAPENG_CODE : String(f.properties.adcode),
    name: f.properties.name,
    nameEn: f.properties.name_en,
    geometry: f.geometry,
  }));
  const landJson = JSON.parse(read('land.geojson')) as { features: { geometry: MultiPolygon }[] };
  const streets = read('shenzhen_streets.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    // codes 4xx are statistical-only units (bonded zones, the airport), not 街道
    .filter(([code]) => !/^\d{6}4\d\d$/.test(code ?? ''))
    .map(([code, name, districtCode]) => ({
      code: code!,
      name: name!,
      districtCode: DAPENG_STREETS.has(code!) ? DAPENG_CODE : districtCode!,
    }));
  return { districts, land: landJson.features.map((f) => f.geometry), streets };
}
