-- Quality grades in the aggregates (issue 5 §1, issue 4's score). A grade depends on
-- the rule files as well as on the record, so the aggregates remember which rule
-- files graded them ('' = none): the server rebuilds them when its rule files differ.
ALTER TABLE aggregate_state ADD COLUMN grader TEXT NOT NULL DEFAULT '';
