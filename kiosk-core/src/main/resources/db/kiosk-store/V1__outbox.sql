-- The kiosk's local store: every request a citizen submitted (kept for its receipt and status) and the
-- outbox of those not yet accepted by the portal. kiosk-app inserts; sync-daemon owns the outbox and
-- records statuses. Personal data is only ever in `sealed`, encrypted to the portal's key.

CREATE TABLE submission (
    seq               INTEGER PRIMARY KEY,  -- the kiosk's own sequence number, in the reference; never reused
    tx_id             TEXT    NOT NULL,     -- UUID made on the kiosk: the portal's idempotency key
    reference         TEXT    NOT NULL,     -- as printed on the receipt, e.g. SOU-03-000127-K
    service_id        TEXT    NOT NULL,
    service_version   INTEGER NOT NULL,
    catalogue_version INTEGER NOT NULL,
    fee_cents         INTEGER NOT NULL DEFAULT 0,
    currency          TEXT,
    created_at        INTEGER NOT NULL,     -- kiosk clock, epoch ms: shown to people, never used for order
    sealed            BLOB,                 -- the sealed answers; NULL once purged after acknowledgement
    sealed_size       INTEGER NOT NULL,
    sync_state        TEXT    NOT NULL DEFAULT 'queued'
        CHECK (sync_state IN ('queued', 'in_flight', 'acknowledged', 'rejected')),
    acknowledged_at   INTEGER,
    rejected_reason   TEXT,
    status            TEXT,                 -- the agency's status, from the portal's feed
    status_message    TEXT,
    case_number       TEXT,
    status_at         INTEGER,              -- portal clock, epoch ms
    status_version    INTEGER               -- the portal's change number; older updates are ignored
);

-- What is still to be sent. A row leaves the outbox when the portal accepts it (or it is rejected for good).
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY REFERENCES submission (seq),
    in_flight       INTEGER NOT NULL DEFAULT 0 CHECK (in_flight IN (0, 1)),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0, -- kiosk clock, epoch ms
    last_error      TEXT
);

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Sequence numbers come from MAX(seq), so a deleted row could let its number be issued twice.
CREATE TRIGGER submission_is_never_deleted BEFORE DELETE ON submission
BEGIN
    SELECT RAISE(ABORT, 'submissions are never deleted: retention clears the sealed payload only');
END;
