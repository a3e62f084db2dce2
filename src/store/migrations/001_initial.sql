-- Binette schema, version 1.
-- Conventions: dates are ISO 'YYYY-MM-DD' text, times 'HH:MM', money in euro cents (INTEGER),
-- quantities REAL, booleans INTEGER 0/1, enums as short lowercase codes checked here.
-- A shipped migration is never edited: add 002_*.sql instead.

-- Garden-wide settings (garden name, address, SIRET, logo path, backup folder, windows...).
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

---------------------------------------------------------------------------- insertion
CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    last_name  TEXT NOT NULL,
    first_name TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('encadrant', 'cip', 'direction', 'autre')),
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE employee (
    id                  INTEGER PRIMARY KEY,
    civility            TEXT NOT NULL DEFAULT '' CHECK (civility IN ('', 'mme', 'm')),
    last_name           TEXT NOT NULL,
    first_name          TEXT NOT NULL,
    birth_date          TEXT,
    gender              TEXT NOT NULL CHECK (gender IN ('f', 'm', 'x')),
    address             TEXT NOT NULL DEFAULT '',
    postcode            TEXT NOT NULL DEFAULT '',
    city                TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    referent_id         INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    entry_date          TEXT NOT NULL,
    prescriber_kind     TEXT NOT NULL DEFAULT 'autre',
    prescriber_org      TEXT NOT NULL DEFAULT '',
    prescriber_contact  TEXT NOT NULL DEFAULT '',
    education_level     TEXT NOT NULL DEFAULT '',   -- ASP code '00'..'70', '' when unknown
    rsa                 INTEGER NOT NULL DEFAULT 0,
    ass                 INTEGER NOT NULL DEFAULT 0,
    aah                 INTEGER NOT NULL DEFAULT 0,
    unemployment_months INTEGER,
    rqth                INTEGER NOT NULL DEFAULT 0,
    qpv                 INTEGER NOT NULL DEFAULT 0,
    zrr                 INTEGER NOT NULL DEFAULT 0,
    court_measure       INTEGER NOT NULL DEFAULT 0,
    notes               TEXT NOT NULL DEFAULT '',
    anonymised_on       TEXT
) STRICT;
CREATE INDEX employee_name ON employee (last_name, first_name);

-- Eligibility criteria ticked for an employee (codes from domain::employees::Criterion).
CREATE TABLE employee_criterion (
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    criterion   TEXT NOT NULL,
    PRIMARY KEY (employee_id, criterion)
) STRICT;

-- PASS IAE.
CREATE TABLE approval (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    number      TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL      -- end as granted, before suspensions / prolongations
) STRICT;
CREATE INDEX approval_employee ON approval (employee_id);

-- Suspensions and prolongations of a PASS IAE: both push its end date back.
CREATE TABLE approval_change (
    id          INTEGER PRIMARY KEY,
    approval_id INTEGER NOT NULL REFERENCES approval (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('suspension', 'prolongation')),
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
) STRICT;

-- CDDI. A renewal is a new row whose renewal_of points at the previous contract.
CREATE TABLE contract (
    id           INTEGER PRIMARY KEY,
    employee_id  INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    renewal_of   INTEGER REFERENCES contract (id) ON DELETE SET NULL,
    start_date   TEXT NOT NULL,
    planned_end  TEXT NOT NULL,
    actual_end   TEXT,
    weekly_hours REAL NOT NULL,
    post         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contract_employee ON contract (employee_id);

-- Follow-up themes: the built-in ones plus those the users add.
CREATE TABLE theme (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    builtin INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO theme (name, builtin) VALUES
    ('Logement', 1), ('Mobilité', 1), ('Santé', 1), ('Formation', 1), ('Numérique', 1),
    ('Langue', 1), ('Administratif', 1), ('Finances', 1), ('Famille', 1);

CREATE TABLE follow_up (
    id               INTEGER PRIMARY KEY,
    employee_id      INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    date             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    staff_id         INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX follow_up_employee ON follow_up (employee_id, date);

CREATE TABLE follow_up_theme (
    follow_up_id INTEGER NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    theme_id     INTEGER NOT NULL REFERENCES theme (id) ON DELETE RESTRICT,
    PRIMARY KEY (follow_up_id, theme_id)
) STRICT;

CREATE TABLE training (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    hours       REAL NOT NULL,
    qualifying  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- PMSMP.
CREATE TABLE immersion (
    id          INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    host_name   TEXT NOT NULL,
    host_siret  TEXT NOT NULL DEFAULT '',
    tutor       TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    objective   TEXT NOT NULL CHECK (objective IN ('decouvrir', 'confirmer', 'recruter')),
    outcome     TEXT NOT NULL DEFAULT ''
) STRICT;

-- End of path: one per employee.
CREATE TABLE exit (
    employee_id INTEGER PRIMARY KEY REFERENCES employee (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    category    INTEGER NOT NULL CHECK (category BETWEEN 1 AND 5),
    detail      TEXT NOT NULL DEFAULT ''
) STRICT;

-- FSE+ data, frozen when taken: at entry, at exit, six months after exit.
CREATE TABLE fse_snapshot (
    id              INTEGER PRIMARY KEY,
    employee_id     INTEGER NOT NULL REFERENCES employee (id) ON DELETE CASCADE,
    stage           TEXT NOT NULL CHECK (stage IN ('entree', 'sortie', 'six_mois')),
    taken_on        TEXT NOT NULL,
    gender          TEXT NOT NULL CHECK (gender IN ('f', 'm', 'x')),
    age             INTEGER,
    education_level TEXT NOT NULL DEFAULT '',
    labour_status   TEXT NOT NULL DEFAULT '',  -- chomeur, chomeur_longue_duree, inactif, en_emploi
    disability      TEXT NOT NULL DEFAULT '',  -- oui, non, refus
    foreign_origin  TEXT NOT NULL DEFAULT '',
    minority        TEXT NOT NULL DEFAULT '',
    homeless        TEXT NOT NULL DEFAULT '',
    exit_result     TEXT NOT NULL DEFAULT '',  -- recherche, formation, qualification, emploi
    six_month_result TEXT NOT NULL DEFAULT '', -- emploi, situation_amelioree, aucun
    UNIQUE (employee_id, stage)
) STRICT;

---------------------------------------------------------------------------- harvests
CREATE TABLE crop (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    family              TEXT NOT NULL DEFAULT '',
    default_destination TEXT NOT NULL DEFAULT 'paniers'
) STRICT;

-- Units a crop is counted in, with the weight of one unit (NULL: conversion not known yet).
CREATE TABLE crop_unit (
    crop_id     INTEGER NOT NULL REFERENCES crop (id) ON DELETE CASCADE,
    unit        TEXT NOT NULL CHECK (unit IN ('kg', 'piece', 'botte', 'caisse')),
    kg_per_unit REAL,
    PRIMARY KEY (crop_id, unit)
) STRICT;

CREATE TABLE plot (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind      TEXT NOT NULL CHECK (kind IN ('plein_champ', 'serre', 'tunnel')),
    area_m2   REAL,
    parent_id INTEGER REFERENCES plot (id) ON DELETE SET NULL
) STRICT;

CREATE TABLE harvest (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    crop_id     INTEGER NOT NULL REFERENCES crop (id) ON DELETE RESTRICT,
    plot_id     INTEGER REFERENCES plot (id) ON DELETE SET NULL,
    quantity    REAL NOT NULL CHECK (quantity > 0),
    unit        TEXT NOT NULL CHECK (unit IN ('kg', 'piece', 'botte', 'caisse')),
    destination TEXT NOT NULL CHECK (destination IN
        ('paniers', 'vente', 'don', 'transformation', 'perte', 'autoconsommation')),
    notes       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX harvest_date ON harvest (date);
CREATE INDEX harvest_crop ON harvest (crop_id, date);

---------------------------------------------------------------------------- baskets
CREATE TABLE member (
    id         INTEGER PRIMARY KEY,
    last_name  TEXT NOT NULL,
    first_name TEXT NOT NULL,
    co_member  TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    postcode   TEXT NOT NULL DEFAULT '',
    city       TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    phone2     TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'actif'
        CHECK (status IN ('actif', 'pause', 'parti', 'attente')),
    joined_on  TEXT
) STRICT;
CREATE INDEX member_name ON member (last_name, first_name);

-- Yearly membership fee.
CREATE TABLE membership (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    paid_on      TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('cheque', 'especes', 'virement')),
    UNIQUE (member_id, year)
) STRICT;

CREATE TABLE basket_size (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    persons  TEXT NOT NULL DEFAULT '',      -- e.g. '2 personnes'
    position INTEGER NOT NULL DEFAULT 0,    -- display order
    active   INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Price of a size from a date on; the price valid on a delivery date is the latest before it.
CREATE TABLE basket_price (
    id          INTEGER PRIMARY KEY,
    size_id     INTEGER NOT NULL REFERENCES basket_size (id) ON DELETE CASCADE,
    valid_from  TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    UNIQUE (size_id, valid_from)
) STRICT;

CREATE TABLE depot (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    address       TEXT NOT NULL DEFAULT '',
    postcode      TEXT NOT NULL DEFAULT '',
    city          TEXT NOT NULL DEFAULT '',
    weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- 1 = Monday (ISO)
    slot_start    TEXT NOT NULL DEFAULT '',
    slot_end      TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    capacity      INTEGER,
    active        INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE funder (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind   TEXT NOT NULL DEFAULT 'autre'
        CHECK (kind IN ('caf', 'msa', 'ccas', 'departement', 'reseau', 'autre')),
    active INTEGER NOT NULL DEFAULT 1
) STRICT;

-- member x size x depot x period x frequency. Fortnightly baskets come on the weeks where
-- (weeks elapsed since anchor_monday) is even: a closed week keeps its place in the count.
CREATE TABLE subscription (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    shared_with   INTEGER REFERENCES member (id) ON DELETE SET NULL,
    size_id       INTEGER NOT NULL REFERENCES basket_size (id) ON DELETE RESTRICT,
    depot_id      INTEGER NOT NULL REFERENCES depot (id) ON DELETE RESTRICT,
    quantity      INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    frequency     TEXT NOT NULL DEFAULT 'hebdo' CHECK (frequency IN ('hebdo', 'quinzaine')),
    anchor_monday TEXT NOT NULL
) STRICT;
CREATE INDEX subscription_member ON subscription (member_id);
CREATE INDEX subscription_depot ON subscription (depot_id, start_date);

-- Paniers Solidaires terms of a subscription. Never printed for a depot.
CREATE TABLE solidarity (
    subscription_id    INTEGER PRIMARY KEY REFERENCES subscription (id) ON DELETE CASCADE,
    share_kind         TEXT NOT NULL CHECK (share_kind IN ('montant', 'pourcentage')),
    share_value        INTEGER NOT NULL CHECK (share_value >= 0), -- cents, or percent
    social_worker      TEXT NOT NULL DEFAULT '',
    referring_body     TEXT NOT NULL DEFAULT '',
    review_on          TEXT
) STRICT;

-- Who pays the remainder of a solidarity basket, as a percentage of that remainder.
CREATE TABLE solidarity_funding (
    subscription_id INTEGER NOT NULL REFERENCES solidarity (subscription_id) ON DELETE CASCADE,
    funder_id       INTEGER NOT NULL REFERENCES funder (id) ON DELETE RESTRICT,
    share_percent   INTEGER NOT NULL CHECK (share_percent BETWEEN 0 AND 100),
    PRIMARY KEY (subscription_id, funder_id)
) STRICT;

CREATE TABLE absence (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    mode          TEXT NOT NULL CHECK (mode IN ('non_prepare', 'donne', 'reporte')),
    makeup_monday TEXT,   -- 'reporte': the chosen week, or NULL for the first delivery after return
    notes         TEXT NOT NULL DEFAULT '',
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX absence_member ON absence (member_id, start_date);

-- A whole week without delivery for the garden.
CREATE TABLE closure (
    monday TEXT PRIMARY KEY,
    reason TEXT NOT NULL DEFAULT ''
) STRICT;

-- What happens to deliveries falling on a public holiday (all depots when depot_id is NULL).
CREATE TABLE holiday_rule (
    id       INTEGER PRIMARY KEY,
    date     TEXT NOT NULL,
    depot_id INTEGER REFERENCES depot (id) ON DELETE CASCADE,
    action   TEXT NOT NULL CHECK (action IN ('annulee', 'deplacee')),
    moved_to TEXT,
    CHECK (action = 'annulee' OR moved_to IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX holiday_rule_unique ON holiday_rule (date, IFNULL(depot_id, 0));

-- What goes into one basket of a size in a week.
CREATE TABLE composition_item (
    id       INTEGER PRIMARY KEY,
    monday   TEXT NOT NULL,
    size_id  INTEGER NOT NULL REFERENCES basket_size (id) ON DELETE CASCADE,
    crop_id  INTEGER NOT NULL REFERENCES crop (id) ON DELETE RESTRICT,
    quantity REAL NOT NULL CHECK (quantity > 0),
    unit     TEXT NOT NULL CHECK (unit IN ('kg', 'piece', 'botte', 'caisse')),
    UNIQUE (monday, size_id, crop_id)
) STRICT;

-- Ticked after distribution, one row per subscription and week.
CREATE TABLE pickup (
    monday          TEXT NOT NULL,
    subscription_id INTEGER NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    baskets         INTEGER NOT NULL DEFAULT 1,
    status          TEXT NOT NULL CHECK (status IN ('retire', 'non_retire', 'donne')),
    PRIMARY KEY (monday, subscription_id)
) STRICT;

---------------------------------------------------------------------------- workshops
CREATE TABLE workshop_type (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;
INSERT INTO workshop_type (name) VALUES
    ('Cuisine'), ('Conserves'), ('Jardinage'), ('Nutrition'), ('Autre');

CREATE TABLE workshop (
    id          INTEGER PRIMARY KEY,
    type_id     INTEGER NOT NULL REFERENCES workshop_type (id) ON DELETE RESTRICT,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
    audience    TEXT NOT NULL DEFAULT ''
) STRICT;

-- Animators: a staff member, or a typed name.
CREATE TABLE workshop_animator (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    staff_id    INTEGER REFERENCES staff (id) ON DELETE CASCADE,
    name        TEXT NOT NULL DEFAULT '',
    CHECK (staff_id IS NOT NULL OR name <> '')
) STRICT;

CREATE TABLE workshop_session (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL,
    end_time    TEXT NOT NULL,
    CHECK (end_time > start_time)
) STRICT;
CREATE INDEX workshop_session_date ON workshop_session (date);

-- A person registered for a session: a member, an employee, or an outside person by name.
CREATE TABLE attendance (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES workshop_session (id) ON DELETE CASCADE,
    member_id    INTEGER REFERENCES member (id) ON DELETE CASCADE,
    employee_id  INTEGER REFERENCES employee (id) ON DELETE CASCADE,
    outside_name TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'attendu'
        CHECK (status IN ('attendu', 'present', 'absent', 'excuse')),
    CHECK ((member_id IS NOT NULL) + (employee_id IS NOT NULL) + (outside_name <> '') = 1)
) STRICT;
CREATE INDEX attendance_session ON attendance (session_id);
CREATE UNIQUE INDEX attendance_member ON attendance (session_id, member_id) WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX attendance_employee ON attendance (session_id, employee_id) WHERE employee_id IS NOT NULL;
