-- Rollouts: a bundle offered to the fleet in waves, each wave started only when the one before it reached its
-- success threshold, the whole halted when a wave's failures pass its error threshold. All of it is here, so a
-- portal restarted mid-rollout (or a second portal process) carries on from the same state.
CREATE TABLE rollout (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              TEXT    NOT NULL,                       -- the bundle kind: catalogue or config
    bundle_id         BIGINT NOT NULL REFERENCES bundle (id), -- what is offered now (resume may switch it)
    first_bundle_id   BIGINT NOT NULL REFERENCES bundle (id), -- what it started with: newer ones wait for it
    target            TEXT    NOT NULL,                       -- JSON of the target as asked
    overdue_after_ms  BIGINT NOT NULL,
    state             TEXT    NOT NULL CHECK (state IN ('running', 'paused', 'halted', 'completed', 'aborted')),
    current_wave      BIGINT NOT NULL,                       -- 0-based
    reason            TEXT,                                   -- why it halted
    created_at        BIGINT NOT NULL,
    created_by        TEXT    NOT NULL,
    updated_at        BIGINT NOT NULL
);
-- One rollout at a time per kind, until it completes or is aborted.
CREATE UNIQUE INDEX rollout_one_active ON rollout (kind) WHERE state IN ('running', 'paused', 'halted');

CREATE TABLE rollout_wave (
    rollout_id        BIGINT NOT NULL REFERENCES rollout (id),
    wave              BIGINT NOT NULL,
    size_text         TEXT    NOT NULL,                       -- as asked: 1 or 10%
    size              BIGINT NOT NULL,                       -- devices assigned to it
    success_threshold DOUBLE PRECISION    NOT NULL,
    error_threshold   DOUBLE PRECISION    NOT NULL,
    PRIMARY KEY (rollout_id, wave)
);

-- Every bundle a rollout has offered: an aborted rollout's bundles are withdrawn from devices it never reached.
CREATE TABLE rollout_bundle (
    rollout_id BIGINT NOT NULL REFERENCES rollout (id),
    bundle_id  BIGINT NOT NULL REFERENCES bundle (id),
    PRIMARY KEY (rollout_id, bundle_id)
);

CREATE TABLE rollout_device (
    rollout_id BIGINT NOT NULL REFERENCES rollout (id),
    device_id  TEXT    NOT NULL REFERENCES device (id),
    wave       BIGINT NOT NULL,
    state      TEXT    NOT NULL
        CHECK (state IN ('pending', 'offered', 'downloading', 'installed', 'failed', 'rolled_back')),
    reason     TEXT,
    offered_at BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (rollout_id, device_id)
);
CREATE INDEX rollout_device_device ON rollout_device (device_id);
CREATE INDEX rollout_device_wave ON rollout_device (rollout_id, wave, state);
