-- The ledger's key leads with the report's id (benchmark B2 in docs/benchmarks.md, 2026-12-02).
-- V7 keyed a report by (office_id, report_id) and added an index on report_id alone, for auditors
-- and dead letters who look a report up by its id. The key with the id first serves both, so a
-- counted report now writes three index entries instead of four. Uniqueness is unchanged: the
-- same columns, in another order.
--
-- What it costs: the auditors' ledger list filtered by office (GET /api/v1/reports?office=, in
-- report-id order) lost its exact index. It now reads like the list filtered by region: along the
-- key, skipping other offices' rows, or the office's rows by report_office_received and a sort,
-- whichever PostgreSQL expects to be cheaper.
--
-- Adding the key builds its index with the table locked: on a ledger of tens of millions of rows
-- the aggregator waits for it (minutes) while the ingest goes on taking reports.
ALTER TABLE report DROP CONSTRAINT report_pkey;
ALTER TABLE report ADD PRIMARY KEY (report_id, office_id);
DROP INDEX report_report_id;
