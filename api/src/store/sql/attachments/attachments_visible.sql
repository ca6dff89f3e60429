-- The attachments among $1 the caller may see, and so fetch (GET /attachments/<id>) and cite in a case step:
-- those they uploaded ($4 actor kind, $5 user or token id; null matches no upload), or those on a case in
-- their scope ($2) and unit ($3).
SELECT a.hash, a.mime, a.size_bytes
FROM attachments a
WHERE a.hash = ANY ($1::text[])
  AND (EXISTS (
         SELECT 1 FROM attachment_uploads u
         WHERE u.hash = a.hash AND u.actor_kind = $4::text AND u.actor_id = $5::integer)
    OR EXISTS (
         SELECT 1 FROM case_events e JOIN cases c ON c.id = e.case_id
         WHERE e.attachments @> ARRAY[a.hash]
           AND ($2::text IS NULL OR $2 IN (c.district_code, c.street_code))
           AND ($3::text IS NULL OR c.unit_code = $3)));
