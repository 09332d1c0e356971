package cn.shishi.aggregator.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * When each scheduled slice's newest kept check started ({@link Instant#MIN} for never), and the
 * time at which that was read, both by the database's clock.
 */
public record SliceCheckTimes(List<Instant> checkedAt, Instant now) {}
