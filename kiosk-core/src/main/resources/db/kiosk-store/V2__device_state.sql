-- State the daemon and the app share beyond submissions: the enrolment, the sync status shown to
-- attendants, a lock set by the ICT office, bundles staged for the app to apply. Small JSON values by key,
-- each written in one transaction (see org.accesscentre.core.state).
CREATE TABLE device_state (
    key        TEXT PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL    -- kiosk clock, epoch ms
);
