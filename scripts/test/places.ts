// Places in the seeded demo city for tests that file reports: points inside one street of Futian (440304),
// a different one per call, so that reports are not each other's duplicates (duplicate checks look within 50 m).
import type pg from 'pg';

export interface PointsInFutian {
  /** Which of Futian's streets, by code order. */
  street: number;
  /** How many points to spread over it, and the random seed that places them. */
  count: number;
  seed: number;
}

export function pointsInFutian(
  pool: pg.Pool,
  { street, count, seed }: PointsInFutian,
): () => Promise<{ lon: number; lat: number }> {
  let next = 0;
  return async () => {
    next += 1;
    const { rows } = await pool.query(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
         SELECT (ST_Dump(ST_GeneratePoints(boundary, $2, $3))).geom AS p FROM areas WHERE code = (
           SELECT code FROM areas WHERE level = 'street' AND parent_code = '440304' ORDER BY code LIMIT 1 OFFSET $1)
       ) x OFFSET $4 LIMIT 1`,
      [street, count, seed, next],
    );
    if (!rows[0]) throw new Error(`no point ${next} of ${count} left in Futian street ${street}`);
    return { lon: Number(rows[0].lon), lat: Number(rows[0].lat) };
  };
}
