-- Binette schema: when the households' accounts begin.
-- A garden that already had subscriptions before it could record payments would otherwise
-- see every basket since each subscription's start charged, and every household in debt.
-- Such a garden's accounts start on the day of this upgrade (Paramètres › Comptabilité lets
-- the office move it); a new garden has no subscription yet and no start: every basket is
-- charged from its subscription's start.
-- A shipped migration is never edited: add a new one instead.

INSERT OR IGNORE INTO setting (key, value)
SELECT 'accounts_start', date('now', 'localtime')
WHERE EXISTS (SELECT 1 FROM subscription);
