-- Every batch adds to cells that exist already. With full pages each such update writes a new
-- row version elsewhere and a new entry in every index of the table; with room left in the page
-- PostgreSQL keeps the new version beside the old one and touches no index (a HOT update), which
-- made the rollup upsert about three times cheaper in benchmark B2 (docs/benchmarks.md).
-- Pages written from now on keep the room; existing pages gain it as they are vacuumed or rewritten.
ALTER TABLE rollup SET (fillfactor = 70);
ALTER TABLE province_total SET (fillfactor = 50);
ALTER TABLE consumer_offset SET (fillfactor = 50);
