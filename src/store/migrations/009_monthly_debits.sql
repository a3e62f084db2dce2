-- Binette schema: the households' balances without rereading ten years of pickups.
-- A balance adds up every basket charged since the accounts' start and every payment: after
-- ten seasons that is half a million pickups and a hundred thousand payments, read again on
-- each screen showing balances. What the baskets charged each household and what it paid,
-- month after month, is now kept once worked out, and forgotten from the first month
-- anything it was worked out from changes (the triggers below): a kept month is always
-- what a new reckoning would give.
-- A shipped migration is never edited: add a new one instead.

-- A household's pickups by subscription (its account, retention, a subscription's removal)
-- instead of reading every pickup.
CREATE INDEX pickup_subscription ON pickup (subscription_id, monday);

-- The payments a balance counts, readable without the rest of their rows.
CREATE INDEX payment_counted ON payment (received_on, member_id, amount_cents)
    WHERE cancelled_on IS NULL;

-- The months kept, one after the other from the first, with the version of the pricing
-- rules that worked them out (a later Binette that prices baskets differently starts again).
CREATE TABLE debit_month (
    month TEXT PRIMARY KEY, -- 'YYYY-MM', by delivery day
    rules INTEGER NOT NULL
) STRICT;

-- What the baskets delivered from the first kept month to the end of this one charged each
-- household (holder of the subscription), and what it paid in that time (payments not
-- cancelled, by day received), in cents: running totals, so that a balance reads two
-- months, not ten years of them.
CREATE TABLE debit_month_member (
    month         TEXT NOT NULL,
    member_id     INTEGER NOT NULL,
    charged_cents INTEGER NOT NULL,
    paid_cents    INTEGER NOT NULL,
    PRIMARY KEY (month, member_id)
) STRICT;

-- Forgetting the months from the one before the day `d` (a delivery moved by a holiday rule
-- may fall a few days earlier), or from the earliest day a holiday rule from then on moves a
-- delivery to, written out in each trigger below (SQLite has no stored functions):
--   month >= min(strftime('%Y-%m', d, 'start of month', '-1 month'),
--                 coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
--                           WHERE date >= date(d, '-7 days')), '9999-12'))

-- A pickup ticked, changed or removed: its week's delivery.
CREATE TRIGGER debit_month_pickup_insert AFTER INSERT ON pickup BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', NEW.monday, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(NEW.monday, '-7 days')), '9999-12'));
END;
CREATE TRIGGER debit_month_pickup_update AFTER UPDATE ON pickup BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', min(OLD.monday, NEW.monday), 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(min(OLD.monday, NEW.monday), '-7 days')), '9999-12'));
END;
CREATE TRIGGER debit_month_pickup_delete AFTER DELETE ON pickup BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', OLD.monday, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(OLD.monday, '-7 days')), '9999-12'));
END;

-- An absence: the weeks from its start (and the later weeks its baskets are made up in).
CREATE TRIGGER debit_month_absence_insert AFTER INSERT ON absence BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', NEW.start_date, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(NEW.start_date, '-7 days')), '9999-12'));
END;
CREATE TRIGGER debit_month_absence_update AFTER UPDATE ON absence BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', min(OLD.start_date, NEW.start_date), 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(min(OLD.start_date, NEW.start_date), '-7 days')),
                 '9999-12'));
END;
CREATE TRIGGER debit_month_absence_delete AFTER DELETE ON absence BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', OLD.start_date, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(OLD.start_date, '-7 days')), '9999-12'));
END;

-- A subscription: the weeks from its start.
CREATE TRIGGER debit_month_subscription_insert AFTER INSERT ON subscription BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', NEW.start_date, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(NEW.start_date, '-7 days')), '9999-12'));
END;
CREATE TRIGGER debit_month_subscription_update AFTER UPDATE ON subscription BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', min(OLD.start_date, NEW.start_date), 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(min(OLD.start_date, NEW.start_date), '-7 days')),
                 '9999-12'));
END;
CREATE TRIGGER debit_month_subscription_delete AFTER DELETE ON subscription BEGIN
    DELETE FROM debit_month WHERE month >= min(
        strftime('%Y-%m', OLD.start_date, 'start of month', '-1 month'),
        coalesce((SELECT strftime('%Y-%m', min(moved_to)) FROM holiday_rule
                  WHERE date >= date(OLD.start_date, '-7 days')), '9999-12'));
END;

-- A payment received, changed, cancelled or removed: the months from the day received.
CREATE TRIGGER debit_month_payment_insert AFTER INSERT ON payment BEGIN
    DELETE FROM debit_month WHERE month >= strftime('%Y-%m', NEW.received_on);
END;
CREATE TRIGGER debit_month_payment_update AFTER UPDATE ON payment BEGIN
    DELETE FROM debit_month
    WHERE month >= strftime('%Y-%m', min(OLD.received_on, NEW.received_on));
END;
CREATE TRIGGER debit_month_payment_delete AFTER DELETE ON payment BEGIN
    DELETE FROM debit_month WHERE month >= strftime('%Y-%m', OLD.received_on);
END;

-- Prices, sizes, solidarity terms, depots, closures and holiday rules: every month.
CREATE TRIGGER debit_month_price_insert AFTER INSERT ON basket_price BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_price_update AFTER UPDATE ON basket_price BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_price_delete AFTER DELETE ON basket_price BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_size_insert AFTER INSERT ON basket_size BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_size_update AFTER UPDATE ON basket_size BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_size_delete AFTER DELETE ON basket_size BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_terms_insert AFTER INSERT ON solidarity_terms BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_terms_update AFTER UPDATE ON solidarity_terms BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_terms_delete AFTER DELETE ON solidarity_terms BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_funding_insert AFTER INSERT ON solidarity_terms_funding BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_funding_update AFTER UPDATE ON solidarity_terms_funding BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_funding_delete AFTER DELETE ON solidarity_terms_funding BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_depot_insert AFTER INSERT ON depot BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_depot_update AFTER UPDATE ON depot BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_depot_delete AFTER DELETE ON depot BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_closure_insert AFTER INSERT ON closure BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_closure_update AFTER UPDATE ON closure BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_closure_delete AFTER DELETE ON closure BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_holiday_insert AFTER INSERT ON holiday_rule BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_holiday_update AFTER UPDATE ON holiday_rule BEGIN
    DELETE FROM debit_month;
END;
CREATE TRIGGER debit_month_holiday_delete AFTER DELETE ON holiday_rule BEGIN
    DELETE FROM debit_month;
END;

-- A forgotten month's households go with it.
CREATE TRIGGER debit_month_forgotten AFTER DELETE ON debit_month BEGIN
    DELETE FROM debit_month_member WHERE month = OLD.month;
END;
