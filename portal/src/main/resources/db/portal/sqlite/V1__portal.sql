-- The portal's database (SQLite dialect; postgresql/ holds the same schema). Times are epoch
-- milliseconds by the portal's clock, except kiosk_time, which is the kiosk's and never trusted.

CREATE TABLE api_token (
    id           TEXT PRIMARY KEY,          -- the public half of a token, shown in listings
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('ict_admin', 'agency_officer', 'read_only')),
    agency_id    TEXT,                      -- for an agency officer, the one agency they work for
    secret_hash  BLOB    NOT NULL,          -- SHA-256 of the secret half; the secret itself is never stored
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    expires_at   INTEGER,
    revoked_at   INTEGER,
    last_used_at INTEGER
);

CREATE TABLE device (
    id             TEXT PRIMARY KEY,
    centre         TEXT    NOT NULL,
    kiosk          INTEGER NOT NULL,
    public_key     TEXT    NOT NULL,        -- Ed25519, base64 X.509
    key_id         TEXT    NOT NULL,
    hardware       TEXT    NOT NULL,        -- JSON of facts the device reported at enrolment
    enrolled_at    INTEGER NOT NULL,
    revoked_at     INTEGER,
    revoked_reason TEXT,
    last_seen_at   INTEGER
);
CREATE INDEX device_slot ON device (centre, kiosk);

CREATE TABLE enrolment_code (
    code_hash  BLOB PRIMARY KEY,            -- SHA-256 of the code; the code itself is shown once
    centre     TEXT    NOT NULL,
    kiosk      INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    device_id  TEXT REFERENCES device (id)
);

CREATE TABLE auth_challenge (
    id         TEXT PRIMARY KEY,
    device_id  TEXT    NOT NULL REFERENCES device (id),
    nonce      BLOB    NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE TABLE device_token (
    token_hash BLOB PRIMARY KEY,
    device_id  TEXT    NOT NULL REFERENCES device (id),
    expires_at INTEGER NOT NULL
);
CREATE INDEX device_token_expiry ON device_token (expires_at);

-- One row per transaction id, ever: the unique key is what makes every resend idempotent.
CREATE TABLE submission (
    tx_id             TEXT PRIMARY KEY,
    reference         TEXT    NOT NULL,
    device_id         TEXT    NOT NULL REFERENCES device (id),
    centre            TEXT    NOT NULL,
    kiosk             INTEGER NOT NULL,
    sequence          INTEGER NOT NULL,
    service_id        TEXT    NOT NULL,
    service_version   INTEGER NOT NULL,
    catalogue_version INTEGER NOT NULL,
    agency_id         TEXT    NOT NULL,
    fee_cents         INTEGER NOT NULL,
    currency          TEXT,
    kiosk_time        INTEGER NOT NULL,
    received_at       INTEGER NOT NULL,
    content_hash      BLOB    NOT NULL,     -- SHA-256 of everything the kiosk sent for it
    sealed            BLOB    NOT NULL,     -- kept sealed: opened only when an officer reads the case
    outcome           TEXT    NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
    problems          TEXT,                 -- JSON field problems, when rejected
    status            TEXT    NOT NULL,
    status_message    TEXT,
    case_number       TEXT,
    status_at         INTEGER NOT NULL,
    status_version    INTEGER NOT NULL
);
-- A reference is unique among accepted submissions; a rejected one may carry anything (even a forgery).
CREATE UNIQUE INDEX submission_reference ON submission (reference) WHERE outcome = 'accepted';
CREATE INDEX submission_agency ON submission (agency_id, outcome, received_at);
CREATE INDEX submission_device ON submission (device_id);
CREATE INDEX submission_slot ON submission (centre, kiosk, sequence);

-- Every status an officer sets; the id is each device's feed cursor.
CREATE TABLE status_change (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tx_id       TEXT    NOT NULL REFERENCES submission (tx_id),
    device_id   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    case_number TEXT,
    message     TEXT,
    at          INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    changed_by  TEXT    NOT NULL
);
CREATE INDEX status_change_device ON status_change (device_id, id);

CREATE TABLE signing_key (
    key_id     TEXT PRIMARY KEY,
    public_key TEXT    NOT NULL,
    label      TEXT,
    added_at   INTEGER NOT NULL,
    added_by   TEXT    NOT NULL
);

CREATE TABLE bundle (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kind            TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    target          TEXT    NOT NULL,       -- all, centre:SOU or device:<id>
    min_app_version INTEGER NOT NULL,
    sha256          TEXT    NOT NULL,
    size            INTEGER NOT NULL,
    content         BLOB    NOT NULL,
    signed_by       TEXT    NOT NULL,
    published_at    INTEGER NOT NULL,
    published_by    TEXT    NOT NULL,
    UNIQUE (kind, target, version)
);

CREATE TABLE device_health (
    device_id             TEXT PRIMARY KEY REFERENCES device (id),
    received_at           INTEGER NOT NULL,
    app_version           TEXT,
    catalogue_version     INTEGER,
    config_version        INTEGER,
    queue_depth           INTEGER,
    oldest_unsent_seconds INTEGER,
    bytes_waiting         INTEGER,
    disk_free_bytes       INTEGER,
    temperature           REAL,
    printer_state         TEXT,
    clock_offset_ms       INTEGER,
    last_error            TEXT
);

CREATE TABLE command (
    id           TEXT PRIMARY KEY,
    device_id    TEXT    NOT NULL REFERENCES device (id),
    type         TEXT    NOT NULL,
    args         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    delivered_at INTEGER,
    done_at      INTEGER,
    done         INTEGER,
    message      TEXT
);
CREATE INDEX command_pending ON command (device_id, done_at);

-- What ingest answered, per day, centre, service and outcome: duplicates and conflicts leave no other trace.
CREATE TABLE ingest_count (
    day        TEXT    NOT NULL,
    centre     TEXT    NOT NULL,
    service_id TEXT    NOT NULL,
    outcome    TEXT    NOT NULL,
    count      INTEGER NOT NULL,
    PRIMARY KEY (day, centre, service_id, outcome)
);

-- Every catalogue ever published, by version: ingest re-validates each submission against the catalogue
-- version the kiosk used, which may be older than the current one.
CREATE TABLE catalogue (
    version      INTEGER PRIMARY KEY,
    content      BLOB    NOT NULL,        -- catalogue.json from the verified bundle
    published_at INTEGER NOT NULL
);
