-- Binette schema: Paniers Solidaires terms become dated periods.
-- Until now a subscription had at most one set of terms, without dates: changing them
-- rewrote the past, removing them erased baskets already delivered from the statements.
-- Each subscription now keeps the history of its terms, one row per period
-- [start_date, end_date] (end_date NULL while they run). The existing terms are dated
-- from the start of their subscription.
-- A shipped migration is never edited: add a new one instead.

CREATE TABLE solidarity_terms (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    start_date      TEXT NOT NULL,
    end_date        TEXT,
    share_kind      TEXT NOT NULL CHECK (share_kind IN ('montant', 'pourcentage')),
    share_value     INTEGER NOT NULL CHECK (share_value >= 0), -- cents, or percent
    social_worker   TEXT NOT NULL DEFAULT '',
    referring_body  TEXT NOT NULL DEFAULT '',
    review_on       TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
CREATE INDEX solidarity_terms_subscription ON solidarity_terms (subscription_id, start_date);

-- Who pays the remainder during one period, as a percentage of that remainder.
CREATE TABLE solidarity_terms_funding (
    terms_id      INTEGER NOT NULL REFERENCES solidarity_terms (id) ON DELETE CASCADE,
    funder_id     INTEGER NOT NULL REFERENCES funder (id) ON DELETE RESTRICT,
    share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 0 AND 100),
    PRIMARY KEY (terms_id, funder_id)
) STRICT;
CREATE INDEX solidarity_terms_funding_funder ON solidarity_terms_funding (funder_id);

-- The existing terms keep their id space: one period per subscription, same row order.
INSERT INTO solidarity_terms (id, subscription_id, start_date, end_date, share_kind,
                              share_value, social_worker, referring_body, review_on)
SELECT so.subscription_id, so.subscription_id, s.start_date, NULL, so.share_kind,
       so.share_value, so.social_worker, so.referring_body, so.review_on
FROM solidarity so JOIN subscription s ON s.id = so.subscription_id;

INSERT INTO solidarity_terms_funding (terms_id, funder_id, share_percent)
SELECT subscription_id, funder_id, share_percent FROM solidarity_funding;

DROP TABLE solidarity_funding;
DROP TABLE solidarity;
