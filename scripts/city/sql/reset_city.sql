-- Empties every table the seeder fills, so a seed replaces the city rather than adding to it.
TRUNCATE case_events, cases, patrol_officers, readings, readings_5m, readings_1h, alert_events, alerts, rule_states, rule_runs, ingest_rejects, devices, buildings, construction_sites, slopes, street_lamps, waterlogging_points,
         gas_pipelines, assets, responsible_units, areas RESTART IDENTITY CASCADE;
