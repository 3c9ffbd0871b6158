-- The centre's own record, beside the citizens' submissions: what attendants did, sessions, the walk-in
-- queue, help calls and cash taken for fees. kiosk-app appends; sync-daemon sends what is unsent to the
-- portal and marks it. Nothing personal is written here: references, ticket numbers, amounts and attendant
-- ids only.
CREATE TABLE journal (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT, -- order on this kiosk; never reused
    id      TEXT    NOT NULL UNIQUE,           -- UUID made on the kiosk: the portal's idempotency key
    kind    TEXT    NOT NULL,                  -- such as session.ended or payment.confirmed
    body    TEXT    NOT NULL,                  -- a JSON object
    at      INTEGER NOT NULL,                  -- kiosk clock, epoch ms
    sent_at INTEGER                            -- kiosk clock when the portal had it; NULL until then
);

CREATE INDEX journal_unsent ON journal (seq) WHERE sent_at IS NULL;

-- Cash taken at the desk for a submission's fee: at most one confirmation per submission, and a cash
-- receipt number is never used twice.
CREATE TABLE payment (
    submission_seq INTEGER PRIMARY KEY REFERENCES submission (seq),
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    cash_receipt   TEXT    NOT NULL UNIQUE,
    confirmed_by   TEXT    NOT NULL,           -- the attendant's id
    confirmed_at   INTEGER NOT NULL            -- kiosk clock, epoch ms
);

-- The day's fees for the reconciliation report, without reading every submission.
CREATE INDEX submission_fees ON submission (created_at) WHERE fee_cents > 0;

CREATE TRIGGER journal_is_never_deleted BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is never deleted');
END;
