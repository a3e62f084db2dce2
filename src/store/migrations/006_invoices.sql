-- Binette schema: the invoices sent to the funders of Paniers Solidaires.
-- French invoices are numbered in one chronological sequence without gaps: here one
-- sequence per calendar year of issue ("2026-0007"). An invoice is never deleted: a
-- mistake is cancelled by a credit note (avoir), which takes the next number of the same
-- sequence. Money is in integer cents.
-- A shipped migration is never edited: add a new one instead.

CREATE TABLE funder_invoice (
    id           INTEGER PRIMARY KEY,
    -- The sequence: the year of issue and the rank within that year.
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    kind         TEXT NOT NULL CHECK (kind IN ('facture', 'avoir')),
    funder_id    INTEGER NOT NULL REFERENCES funder (id) ON DELETE RESTRICT,
    issued_on    TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    -- An invoice: the day it was sent, the day the funder paid it.
    sent_on      TEXT,
    paid_on      TEXT,
    -- An avoir: the invoice it cancels (one avoir per invoice at most).
    cancels      INTEGER UNIQUE REFERENCES funder_invoice (id) ON DELETE RESTRICT,
    UNIQUE (year, seq),
    CHECK (period_to >= period_from),
    CHECK ((kind = 'avoir') = (cancels IS NOT NULL)),
    CHECK (kind = 'facture' OR (sent_on IS NULL AND paid_on IS NULL))
) STRICT;
CREATE INDEX funder_invoice_funder ON funder_invoice (funder_id, period_from);

-- An invoice's lines, copied from the funder's statement when it was issued: the invoice
-- keeps them even if pickups or terms are changed afterwards.
CREATE TABLE funder_invoice_line (
    invoice_id      INTEGER NOT NULL REFERENCES funder_invoice (id) ON DELETE RESTRICT,
    position        INTEGER NOT NULL,
    household       TEXT NOT NULL,
    size            TEXT NOT NULL,
    terms_from      TEXT NOT NULL,
    terms_to        TEXT NOT NULL,
    baskets         INTEGER NOT NULL,
    value_cents     INTEGER NOT NULL,
    household_cents INTEGER NOT NULL,
    share_percent   INTEGER NOT NULL,
    amount_cents    INTEGER NOT NULL,
    PRIMARY KEY (invoice_id, position)
) STRICT;
