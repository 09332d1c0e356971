-- When each task that every aggregator instance schedules last ran, in whichever instance, by the
-- database's clock: a run is one instance's to do only once half the task's interval has passed
-- since the last. The shard fold ran in every instance, N folds an hour for N instances, each
-- holding every batch off while it folded (B6, 2026-12-05).
CREATE TABLE scheduled_run (
  task       text        PRIMARY KEY,
  started_at timestamptz NOT NULL
);
