-- The kiosks' journals: what attendants did, sessions, the walk-in queue, help calls and cash taken for fees.
-- One row per event id, ever: the key is what makes a resend after a lost answer harmless. Nothing personal
-- is in a body (references, ticket numbers, amounts, attendant ids).
CREATE TABLE device_event (
    id          TEXT PRIMARY KEY,                       -- UUID made on the kiosk
    device_id   TEXT    NOT NULL REFERENCES device (id),
    sequence    BIGINT  NOT NULL,                       -- the entry's order on its kiosk
    kind        TEXT    NOT NULL,                       -- such as session.ended or payment.confirmed
    body        TEXT    NOT NULL,                       -- a JSON object, as the kiosk sent it
    kiosk_time  BIGINT  NOT NULL,                       -- the kiosk's clock, never trusted for order
    received_at BIGINT  NOT NULL                        -- the portal's clock
);
CREATE INDEX device_event_received ON device_event (received_at);
CREATE INDEX device_event_device ON device_event (device_id, received_at);
CREATE INDEX device_event_kind ON device_event (kind, received_at);
