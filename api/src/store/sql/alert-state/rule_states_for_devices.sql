-- Rule states of some devices (locked by the caller's ingest_lock_devices). $1 int[] device ids.
SELECT rule_id, device_id, state FROM rule_states WHERE device_id = ANY ($1::int[]);
