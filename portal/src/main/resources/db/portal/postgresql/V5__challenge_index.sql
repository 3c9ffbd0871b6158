-- A device's open challenges are counted on every challenge (at most 8 may be open) and its old ones deleted:
-- both look a device's rows up, which without this index read the whole table.
CREATE INDEX auth_challenge_device ON auth_challenge (device_id, expires_at);
