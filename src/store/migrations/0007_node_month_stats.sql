-- Per committee node and month, the sum of cell_month_stats over every cell
-- below it (archived cells included: the roll-up subtracts those few). Each
-- change to a cell-month is applied to the rows of its ancestors in the same
-- transaction, so a roll-up reads one row per child per month however large
-- the subtree and however long the history (issue 6: a national roll-up).
CREATE TABLE node_month_stats (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  ym INTEGER NOT NULL,
  meetings INTEGER NOT NULL DEFAULT 0,
  monthly_held INTEGER NOT NULL DEFAULT 0,
  monthly_on_time INTEGER NOT NULL DEFAULT 0,
  thematic_held INTEGER NOT NULL DEFAULT 0,
  duration_sum INTEGER NOT NULL DEFAULT 0,
  duration_count INTEGER NOT NULL DEFAULT 0,
  expected INTEGER NOT NULL DEFAULT 0,
  present INTEGER NOT NULL DEFAULT 0,
  excused INTEGER NOT NULL DEFAULT 0,
  unexcused INTEGER NOT NULL DEFAULT 0,
  speakers INTEGER NOT NULL DEFAULT 0,
  young_present INTEGER NOT NULL DEFAULT 0,
  young_speakers INTEGER NOT NULL DEFAULT 0,
  new_present INTEGER NOT NULL DEFAULT 0,
  new_speakers INTEGER NOT NULL DEFAULT 0,
  resolutions INTEGER NOT NULL DEFAULT 0,
  tasks_assigned INTEGER NOT NULL DEFAULT 0,
  tasks_on_time INTEGER NOT NULL DEFAULT 0,
  tasks_late INTEGER NOT NULL DEFAULT 0,
  tasks_open INTEGER NOT NULL DEFAULT 0,
  tasks_dropped INTEGER NOT NULL DEFAULT 0,
  previous_tasks INTEGER NOT NULL DEFAULT 0,
  previous_reviewed INTEGER NOT NULL DEFAULT 0,
  monitor_present INTEGER NOT NULL DEFAULT 0,
  grade_good INTEGER NOT NULL DEFAULT 0,
  grade_fair INTEGER NOT NULL DEFAULT 0,
  grade_average INTEGER NOT NULL DEFAULT 0,
  grade_poor INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, ym)
) WITHOUT ROWID;

-- Active cells under a node are counted, archived ones looked up, by path.
CREATE INDEX orgs_active_cells ON orgs(path) WHERE kind = 'cell' AND archived = 0;
CREATE INDEX orgs_archived_cells ON orgs(path) WHERE kind = 'cell' AND archived = 1;

-- Existing aggregates: every cell-month summed into each of its ancestors.
WITH RECURSIVE anc(cell_id, ancestor_id) AS (
  SELECT id, parent_id FROM orgs WHERE kind = 'cell' AND parent_id IS NOT NULL
  UNION ALL
  SELECT anc.cell_id, o.parent_id FROM anc JOIN orgs o ON o.id = anc.ancestor_id WHERE o.parent_id IS NOT NULL
)
INSERT INTO node_month_stats (org_id, ym, meetings, monthly_held, monthly_on_time, thematic_held, duration_sum, duration_count, expected, present, excused, unexcused, speakers, young_present, young_speakers, new_present, new_speakers, resolutions, tasks_assigned, tasks_on_time, tasks_late, tasks_open, tasks_dropped, previous_tasks, previous_reviewed, monitor_present, grade_good, grade_fair, grade_average, grade_poor)
SELECT a.ancestor_id, c.ym, SUM(c.meetings), SUM(c.monthly_held), SUM(c.monthly_on_time), SUM(c.thematic_held), SUM(c.duration_sum), SUM(c.duration_count), SUM(c.expected), SUM(c.present), SUM(c.excused), SUM(c.unexcused), SUM(c.speakers), SUM(c.young_present), SUM(c.young_speakers), SUM(c.new_present), SUM(c.new_speakers), SUM(c.resolutions), SUM(c.tasks_assigned), SUM(c.tasks_on_time), SUM(c.tasks_late), SUM(c.tasks_open), SUM(c.tasks_dropped), SUM(c.previous_tasks), SUM(c.previous_reviewed), SUM(c.monitor_present), SUM(c.grade_good), SUM(c.grade_fair), SUM(c.grade_average), SUM(c.grade_poor)
FROM cell_month_stats c JOIN anc a ON a.cell_id = c.cell_id
GROUP BY a.ancestor_id, c.ym;
