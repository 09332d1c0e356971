-- The latest receive time (at the ingest) of the reports and withdrawals applied from each
-- partition: the totals' "as of" is the oldest of these among partitions with records pending,
-- so a stalled partition holds "as of" back instead of looking current.
ALTER TABLE consumer_offset ADD COLUMN applied_through timestamptz;
