-- Binette schema, version 3: a person may have several paths (parcours); eligibility has
-- one source (see the end).
-- A path runs from an entry to an exit, with its own contracts, exit and FSE+ snapshots.
-- Existing data moves into one path per employee (its id is the employee's id), so every
-- figure of the activity report reads the same before and after.
-- employee.entry_date stays: it is the entry date of the person's latest path, kept in line
-- by the triggers below and by the store.
-- A shipped migration is never edited: add 004_*.sql instead.

CREATE TABLE path (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    entry_date  TEXT NOT NULL
) STRICT;
CREATE INDEX path_employee ON path (employee_id, entry_date);

INSERT INTO path (id, employee_id, entry_date) SELECT id, id, entry_date FROM employee;

-- Contracts belong to a path.
ALTER TABLE contract ADD COLUMN path_id INTEGER REFERENCES path (id) ON DELETE CASCADE;
UPDATE contract SET path_id = employee_id;
CREATE INDEX contract_path ON contract (path_id);

-- One exit per path (no longer one per employee).
CREATE TABLE exit_v3 (
    id             INTEGER PRIMARY KEY,
    path_id        INTEGER UNIQUE REFERENCES path (id) ON DELETE CASCADE,
    employee_id    INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    category       INTEGER NOT NULL CHECK (category BETWEEN 1 AND 5),
    detail         TEXT NOT NULL DEFAULT '',
    outcome        TEXT CHECK (outcome IN (
        'cdi', 'cdd', 'interim', 'contrat_aide', 'fonction_publique', 'creation', 'formation',
        'autre_siae', 'recherche', 'inactif', 'sans_nouvelles', 'demenagement', 'maladie',
        'deces')),
    outcome_months INTEGER
        CHECK (outcome_months IS NULL OR (outcome_months > 0 AND outcome IS NOT NULL))
) STRICT;
INSERT INTO exit_v3 (path_id, employee_id, date, category, detail, outcome, outcome_months)
    SELECT employee_id, employee_id, date, category, detail, outcome, outcome_months FROM exit;
DROP TABLE exit;
ALTER TABLE exit_v3 RENAME TO exit;
CREATE INDEX exit_employee ON exit (employee_id);

-- FSE+ snapshots: one per path and stage (no longer one per employee and stage).
CREATE TABLE fse_snapshot_v3 (
    id               INTEGER PRIMARY KEY,
    path_id          INTEGER REFERENCES path (id) ON DELETE CASCADE,
    employee_id      INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    stage            TEXT NOT NULL CHECK (stage IN ('entree', 'sortie', 'six_mois')),
    taken_on         TEXT NOT NULL,
    gender           TEXT NOT NULL CHECK (gender IN ('f', 'm', 'x')),
    age              INTEGER,
    education_level  TEXT NOT NULL DEFAULT '',
    labour_status    TEXT NOT NULL DEFAULT '',  -- chomeur, chomeur_longue_duree, inactif, en_emploi
    disability       TEXT NOT NULL DEFAULT '',  -- oui, non, refus
    foreign_origin   TEXT NOT NULL DEFAULT '',
    minority         TEXT NOT NULL DEFAULT '',
    homeless         TEXT NOT NULL DEFAULT '',
    exit_result      TEXT NOT NULL DEFAULT '',  -- recherche, formation, qualification, emploi
    six_month_result TEXT NOT NULL DEFAULT '',  -- emploi, situation_amelioree, aucun
    UNIQUE (path_id, stage)
) STRICT;
INSERT INTO fse_snapshot_v3 (id, path_id, employee_id, stage, taken_on, gender, age,
        education_level, labour_status, disability, foreign_origin, minority, homeless,
        exit_result, six_month_result)
    SELECT id, employee_id, employee_id, stage, taken_on, gender, age, education_level,
        labour_status, disability, foreign_origin, minority, homeless, exit_result,
        six_month_result
    FROM fse_snapshot;
DROP TABLE fse_snapshot;
ALTER TABLE fse_snapshot_v3 RENAME TO fse_snapshot;
CREATE INDEX fse_snapshot_employee ON fse_snapshot (employee_id);

-- Eligibility has one source: the RSA, ASS, AAH, RQTH, QPV, ZRR and court-measure boxes are
-- the criteria of the same meaning. Either one ticked ticks both.
WITH flag (column_value, criterion) AS (
    SELECT id, 'rsa' FROM employee WHERE rsa = 1
    UNION ALL SELECT id, 'ass' FROM employee WHERE ass = 1
    UNION ALL SELECT id, 'aah' FROM employee WHERE aah = 1
    UNION ALL SELECT id, 'th' FROM employee WHERE rqth = 1
    UNION ALL SELECT id, 'qpv' FROM employee WHERE qpv = 1
    UNION ALL SELECT id, 'zrr' FROM employee WHERE zrr = 1
    UNION ALL SELECT id, 'justice' FROM employee WHERE court_measure = 1)
INSERT OR IGNORE INTO employee_criterion (employee_id, criterion)
    SELECT column_value, criterion FROM flag;
UPDATE employee SET
    rsa = EXISTS (SELECT 1 FROM employee_criterion c
                  WHERE c.employee_id = employee.id AND c.criterion = 'rsa'),
    ass = EXISTS (SELECT 1 FROM employee_criterion c
                  WHERE c.employee_id = employee.id AND c.criterion = 'ass'),
    aah = EXISTS (SELECT 1 FROM employee_criterion c
                  WHERE c.employee_id = employee.id AND c.criterion = 'aah'),
    rqth = EXISTS (SELECT 1 FROM employee_criterion c
                   WHERE c.employee_id = employee.id AND c.criterion = 'th'),
    qpv = EXISTS (SELECT 1 FROM employee_criterion c
                  WHERE c.employee_id = employee.id AND c.criterion = 'qpv'),
    zrr = EXISTS (SELECT 1 FROM employee_criterion c
                  WHERE c.employee_id = employee.id AND c.criterion = 'zrr'),
    court_measure = EXISTS (SELECT 1 FROM employee_criterion c
                            WHERE c.employee_id = employee.id AND c.criterion = 'justice');

-- Hours actually worked per month, from payroll (optional): where a month has them, the
-- activity report counts that month's FTE from them.
CREATE TABLE worked_hours (
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    month       TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'), -- 'YYYY-MM'
    hours       REAL NOT NULL CHECK (hours >= 0),
    PRIMARY KEY (employee_id, month)
) STRICT;

-- A new employee starts their first path on their entry date.
CREATE TRIGGER employee_first_path AFTER INSERT ON employee
BEGIN
    INSERT INTO path (employee_id, entry_date) VALUES (new.id, new.entry_date);
END;

-- Changing the employee's entry date changes the entry of their latest path.
CREATE TRIGGER employee_entry_date AFTER UPDATE OF entry_date ON employee
BEGIN
    UPDATE path SET entry_date = new.entry_date
    WHERE id = (SELECT id FROM path WHERE employee_id = new.id
                ORDER BY entry_date DESC, id DESC LIMIT 1);
END;

-- A contract written without a path joins the person's path it starts in: the latest one
-- entered on or before its start, else their first.
CREATE TRIGGER contract_default_path AFTER INSERT ON contract WHEN new.path_id IS NULL
BEGIN
    UPDATE contract SET path_id = (
        SELECT id FROM path WHERE employee_id = new.employee_id
        ORDER BY entry_date <= new.start_date DESC,
                 CASE WHEN entry_date <= new.start_date THEN entry_date END DESC,
                 entry_date, id DESC
        LIMIT 1)
    WHERE id = new.id;
END;

-- An exit or FSE+ snapshot written without a path belongs to the person's latest path.
CREATE TRIGGER exit_default_path AFTER INSERT ON exit WHEN new.path_id IS NULL
BEGIN
    UPDATE exit SET path_id = (
        SELECT id FROM path WHERE employee_id = new.employee_id
        ORDER BY entry_date DESC, id DESC LIMIT 1)
    WHERE id = new.id;
END;

CREATE TRIGGER fse_snapshot_default_path AFTER INSERT ON fse_snapshot WHEN new.path_id IS NULL
BEGIN
    UPDATE fse_snapshot SET path_id = (
        SELECT id FROM path WHERE employee_id = new.employee_id
        ORDER BY entry_date DESC, id DESC LIMIT 1)
    WHERE id = new.id;
END;
