-- Binette schema: what each household has paid.
-- Until now only the yearly membership was recorded (with how it was paid). Households now
-- have an account: debits (baskets prepared, membership, manual charges) and credits
-- (payments, credit notes, and the memberships, recorded as paid). Money is in integer cents.
-- A shipped migration is never edited: add a new one instead.

-- How a household pays; the list can be edited (a mode in use is retired, not deleted).
CREATE TABLE payment_mode (
    code     TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO payment_mode (code, label, position) VALUES
    ('cheque', 'Chèque', 1),
    ('especes', 'Espèces', 2),
    ('virement', 'Virement', 3),
    ('prelevement', 'Prélèvement', 4),
    ('carte', 'Carte bancaire', 5);

-- A remittance slip (bordereau de remise de chèques): numbered without gaps; a cancelled
-- slip keeps its number and gives its cheques back to the next one.
CREATE TABLE remittance (
    id           INTEGER PRIMARY KEY,
    number       INTEGER NOT NULL UNIQUE CHECK (number > 0),
    made_on      TEXT NOT NULL,
    until        TEXT NOT NULL,
    cancelled_on TEXT
) STRICT;

-- Money received from a household. Never deleted: a mistake is cancelled (kept, marked).
CREATE TABLE payment (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member (id) ON DELETE RESTRICT,
    received_on    TEXT NOT NULL,
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    mode           TEXT NOT NULL REFERENCES payment_mode (code) ON UPDATE CASCADE,
    label          TEXT NOT NULL DEFAULT '',
    -- A cheque: its bank, number, who signed it when not the member, and the day the garden
    -- may cash it (post-dated cheques are held until then).
    cheque_bank    TEXT NOT NULL DEFAULT '',
    cheque_number  TEXT NOT NULL DEFAULT '',
    drawer         TEXT NOT NULL DEFAULT '',
    cash_on        TEXT,
    -- The slip it was remitted with; or cashed_outside = 1 when the garden cashed it
    -- without a Binette slip.
    remittance_id  INTEGER REFERENCES remittance (id) ON DELETE RESTRICT,
    cashed_outside INTEGER NOT NULL DEFAULT 0 CHECK (cashed_outside IN (0, 1)),
    cancelled_on   TEXT,
    cancel_reason  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX payment_member ON payment (member_id, received_on);
CREATE INDEX payment_remittance ON payment (remittance_id);

-- A manual charge (a delivery fee, a correction) or a credit note (avoir) on an account.
CREATE TABLE account_entry (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE RESTRICT,
    entry_on     TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('frais', 'avoir')),
    label        TEXT NOT NULL CHECK (label <> ''),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)
) STRICT;
CREATE INDEX account_entry_member ON account_entry (member_id, entry_on);
