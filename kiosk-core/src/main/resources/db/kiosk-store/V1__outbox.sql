-- The kiosk's local store: every request a citizen submitted, kept for its receipt and status, and whether
-- the portal has it yet. kiosk-app inserts; sync-daemon drains and records statuses. Personal data is only
-- ever in `sealed`, encrypted to the portal's key.
--
-- One row per submission, written once by the app: a submit touches one table page, the cheapest durable
-- commit SQLite can do. The outbox is the tail of this table: rows from `unsent_from` on whose sync_state
-- is queued or in_flight. Rows are appended in sequence order and drained oldest first, so that tail is
-- short and is read by primary-key range, with no index to maintain on every submit.

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
    sync_state        TEXT    NOT NULL DEFAULT 'queued'
        CHECK (sync_state IN ('queued', 'in_flight', 'acknowledged', 'rejected')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   INTEGER NOT NULL DEFAULT 0, -- kiosk clock, epoch ms; compared only with itself
    last_error        TEXT,
    acknowledged_at   INTEGER,
    rejected_reason   TEXT,
    status            TEXT,                 -- the agency's status, from the portal's feed
    status_message    TEXT,
    case_number       TEXT,
    status_at         INTEGER,              -- portal clock, epoch ms
    status_version    INTEGER,              -- the portal's change number; older updates are ignored
    sealed            BLOB                  -- the sealed answers; NULL once purged after acknowledgement
);

-- unsent_from: no submission below this sequence is queued or in flight (the daemon moves it forward).
-- sequence_floor: the next submission takes a number above it (set from the portal on re-enrolment).
-- status_cursor: where the portal's status feed resumes.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A re-installed kiosk continues above the numbers its predecessor issued (the floor comes from the
-- portal at enrolment). Enforced here, so no code path can issue a number below it.
CREATE TRIGGER submission_sequence_above_floor BEFORE INSERT ON submission
WHEN NEW.seq <= COALESCE((SELECT CAST(value AS INTEGER) FROM store_meta WHERE key = 'sequence_floor'), 0)
BEGIN
    SELECT RAISE(ABORT, 'sequence number below the floor');
END;

-- Sequence numbers come from MAX(seq), so a deleted row could let its number be issued twice.
CREATE TRIGGER submission_is_never_deleted BEFORE DELETE ON submission
BEGIN
    SELECT RAISE(ABORT, 'submissions are never deleted: retention clears the sealed payload only');
END;
