-- $1 int[] id | $2 text[] code | $3 text[] type | $4 bigint[] asset_id | $5 text[] name | $6 float8[] lon
-- $7 float8[] lat | $8 text[] vendor | $9 date[] installed_on | $10 float8[] last_seen (epoch seconds)
INSERT INTO devices (id, code, type, asset_id, name, location, vendor, installed_on, last_seen_at)
SELECT id, code, type::device_type, asset_id, name, ST_SetSRID(ST_MakePoint(lon, lat), 4326), vendor, installed,
       to_timestamp(last_seen)
FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::float8[], $7::float8[], $8::text[],
            $9::date[], $10::float8[])
  AS t (id, code, type, asset_id, name, lon, lat, vendor, installed, last_seen);
