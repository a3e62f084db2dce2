-- Binette schema, version 2: the job found at exit gets its own columns.
-- Until now the outcome was written at the start of exit.detail by the form, as
--   '<label>[, <N> mois][ — <free text>]'      (e.g. 'CDD, 4 mois — Ferme Dupont')
-- where <label> is one of the labels below. Those rows are moved into the new columns and
-- their detail keeps only the free text; any other detail is left as it is.
-- A shipped migration is never edited: add 003_*.sql instead.

ALTER TABLE exit ADD COLUMN outcome TEXT CHECK (outcome IN (
    'cdi', 'cdd', 'interim', 'contrat_aide', 'fonction_publique', 'creation', 'formation',
    'autre_siae', 'recherche', 'inactif', 'sans_nouvelles', 'demenagement', 'maladie', 'deces'));

-- Length in months of the job found (CDD, intérim); only with an outcome.
ALTER TABLE exit ADD COLUMN outcome_months INTEGER
    CHECK (outcome_months IS NULL OR (outcome_months > 0 AND outcome IS NOT NULL));

WITH
    -- The labels version 1 wrote, by code (frozen here: later label changes do not matter).
    label (code, label) AS (VALUES
        ('cdi', 'CDI'),
        ('cdd', 'CDD'),
        ('interim', 'Intérim'),
        ('contrat_aide', 'Contrat aidé chez un employeur classique'),
        ('fonction_publique', 'Titularisation dans la fonction publique'),
        ('creation', 'Création d''entreprise'),
        ('formation', 'Formation qualifiante ou pré-qualifiante'),
        ('autre_siae', 'Embauche dans une autre SIAE'),
        ('recherche', 'Recherche d''emploi'),
        ('inactif', 'Inactivité'),
        ('sans_nouvelles', 'Sans nouvelles'),
        ('demenagement', 'Déménagement'),
        ('maladie', 'Longue maladie'),
        ('deces', 'Décès')),
    -- Details starting with a label (case-sensitive): what follows the label.
    after_label (employee_id, code, rest) AS (
        SELECT x.employee_id, l.code, substr(x.detail, length(l.label) + 1)
        FROM exit x JOIN label l ON substr(x.detail, 1, length(l.label)) = l.label),
    -- Split at the first ' — ': ', N mois' (or nothing) before it, the free text after.
    split (employee_id, code, length_part, free) AS (
        SELECT employee_id, code,
            CASE instr(rest, ' — ') WHEN 0 THEN rest
                ELSE substr(rest, 1, instr(rest, ' — ') - 1) END,
            CASE instr(rest, ' — ') WHEN 0 THEN ''
                ELSE substr(rest, instr(rest, ' — ') + 3) END
        FROM after_label),
    -- The digits of ', N mois' ('' when there is no length, NULL when it is not that shape).
    digits (employee_id, code, number, free) AS (
        SELECT employee_id, code,
            CASE
                WHEN length_part = '' THEN ''
                WHEN substr(length_part, 1, 2) = ', ' AND substr(length_part, -5) = ' mois'
                    THEN substr(length_part, 3, length(length_part) - 7)
            END,
            free
        FROM split),
    parsed (employee_id, code, months, free) AS (
        SELECT employee_id, code,
            CASE number WHEN '' THEN NULL ELSE CAST(number AS INTEGER) END, free
        FROM digits
        WHERE number = ''
            OR (number GLOB '[0-9]*' AND number NOT GLOB '*[^0-9]*' AND length(number) <= 9
                AND CAST(number AS INTEGER) > 0))
UPDATE exit SET outcome = parsed.code, outcome_months = parsed.months, detail = parsed.free
FROM parsed
WHERE parsed.employee_id = exit.employee_id;
