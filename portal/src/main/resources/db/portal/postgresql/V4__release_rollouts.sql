-- Release rollouts. A release bundle's release.json names the oldest catalogue and configuration it runs with;
-- they are kept beside the bundle so a rollout can refuse devices that last reported older ones without opening
-- the bundle again (0 for every other kind, and for a release published before this migration: the device
-- checks its release.json again before it installs).
ALTER TABLE bundle ADD COLUMN min_catalogue_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bundle ADD COLUMN min_config_version BIGINT NOT NULL DEFAULT 0;

-- A rollout that takes devices back to an older release carries the ICT office's signed rollback order, as it
-- came (SignedOrder JSON), to hand to each device with the offer; the order's reason is kept for people.
ALTER TABLE rollout ADD COLUMN rollback_order TEXT;
ALTER TABLE rollout ADD COLUMN rollback_reason TEXT;
