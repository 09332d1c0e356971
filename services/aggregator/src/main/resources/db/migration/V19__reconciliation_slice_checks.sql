-- The newest check of each scheduled share of the provinces, kept so that every aggregator's
-- drift gauge is whole from its first run and its next reconciliation checks one share, not the
-- whole ledger: checking everything at each start took 328 s of three PostgreSQL processes on a cold
-- 10-million-report ledger, while dashboards waited (B4, docs/benchmarks.md).
CREATE TABLE reconciliation_slice_check (
  slices      smallint    NOT NULL CHECK (slices BETWEEN 1 AND 100),
  slice       smallint    NOT NULL,
  started_at  timestamptz NOT NULL,
  drift_cells integer     NOT NULL CHECK (drift_cells >= 0),
  PRIMARY KEY (slices, slice),
  CHECK (slice >= 0 AND slice < slices)
);
