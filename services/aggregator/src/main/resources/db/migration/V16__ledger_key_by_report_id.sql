-- The ledger's key leads with the report's id (benchmark B2 in docs/benchmarks.md, 2026-12-02).
-- V7 keyed a report by (office_id, report_id) and added an index on report_id alone, for auditors
-- and dead letters who look a report up by its id. One index with the id first serves both, so
-- every counted report now writes four index entries instead of five. Uniqueness is unchanged:
-- the same columns, in another order.
ALTER TABLE report DROP CONSTRAINT report_pkey;
ALTER TABLE report ADD PRIMARY KEY (report_id, office_id);
DROP INDEX report_report_id;
