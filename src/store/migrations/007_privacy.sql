-- Binette schema, version 7: protection of personal data (RGPD).
-- A household can now be anonymised like an employee: the day it was is kept in a table of
-- its own (the member table keeps its columns), so that lists can tell an anonymised
-- household from a current one and never offer it again.
-- Employees already have `anonymised_on` (version 1). Retention periods are settings
-- (`retention_*_years`), with defaults in the program: nothing to store here.
-- A shipped migration is never edited: add a new one instead.

CREATE TABLE member_anonymised (
    member_id     INTEGER PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    anonymised_on TEXT NOT NULL
) STRICT;
