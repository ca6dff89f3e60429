-- An attachment as the caller may fetch it: one they uploaded, or one on a case in their scope ($2) and unit ($3).
SELECT a.hash, a.mime, a.size_bytes
FROM attachments a
WHERE a.hash = $1
  AND (a.created_by = $4 OR EXISTS (
    SELECT 1 FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE a.hash = ANY (e.attachments)
      AND ($2::text IS NULL OR $2 IN (c.district_code, c.street_code))
      AND ($3::text IS NULL OR c.unit_code = $3)));
