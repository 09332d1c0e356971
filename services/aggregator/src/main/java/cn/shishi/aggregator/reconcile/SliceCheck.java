package cn.shishi.aggregator.reconcile;

import java.time.Instant;

/** What the check of one scheduled slice of the provinces found, started at {@code startedAt}. */
record SliceCheck(ProvinceSlice slice, Instant startedAt, int driftCells) {}
