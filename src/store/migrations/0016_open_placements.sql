-- Members placed now, per place, counted from the index alone: org detail counts the members
-- under every child of a node, and reading each period's row to test to_day was 68 % of a
-- ward's org detail on the province bench set (bench/README.md, profile 2).
-- to_day is in the key (always NULL here) so that a query naming it is answered by the index
-- alone (EXPLAIN QUERY PLAN: "COVERING INDEX").
CREATE INDEX cell_periods_open ON cell_periods(place_id, to_day) WHERE to_day IS NULL;
