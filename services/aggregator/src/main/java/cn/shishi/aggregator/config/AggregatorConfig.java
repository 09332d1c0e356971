package cn.shishi.aggregator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the aggregator, under {@code shishi.aggregator} (env: {@code SHISHI_AGGREGATOR_*}).
 */
@ConfigMapping(prefix = "shishi.aggregator")
public interface AggregatorConfig {

  /**
   * The settings of the Kafka producer that publishes dead letters and re-drives them, as Kafka
   * names them ({@code shishi.aggregator.dead-letter-producer.acks=all}), handed to it unchanged.
   */
  Map<String, String> deadLetterProducer();

  /**
   * Settings of the producer that re-drives dead letters into {@code task-reports}, over those of
   * {@link #deadLetterProducer()}: its client id and, on a broker with ACLs, its own login ({@code
   * sasl.jaas.config}), the one principal besides the ingest's that may write reports.
   */
  Map<String, String> redriveProducer();

  /**
   * The re-drive producer's login on a broker with ACLs, as Kafka's {@code sasl.jaas.config} (env
   * {@code SHISHI_AGGREGATOR_REDRIVE_LOGIN}); absent, it logs in as the aggregator, which may not
   * write reports there.
   */
  Optional<String> redriveLogin();

  /**
   * How often the rollups are reconciled with the ledger in the background (quarkus-scheduler's
   * syntax: {@code 5m}; {@code off} turns it off). It scans the ledger, so keep it to minutes. The
   * schedule reads it; it is a text, not a duration, for {@code off}.
   */
  @WithDefault("5m")
  String reconciliationInterval();

  /** How often the business gauges are read ({@code off} turns them off). */
  @WithDefault("5s")
  String gaugeRefresh();

  /**
   * How often the stored offsets are held against the topic's log (anomalies, the lag gauge,
   * releasing partitions an admin has resolved).
   */
  @WithDefault("5s")
  String offsetCheckInterval();

  /**
   * How often the ledger chains' heads that moved are published to {@code shishi-chain-heads}
   * (docs/adr/0011; {@code off} turns it off): what an operator could rewrite unnoticed is at most
   * this much of the newest ledger.
   */
  @WithDefault("1m")
  String chainAnchorInterval();

  /** How often dead letters not yet in the dead-letter topic are published there. */
  @WithDefault("5s")
  String deadLetterPublishInterval();

  /** The topic reports are consumed from (the {@code task-reports} channel's topic). */
  @WithDefault("task-reports")
  String topic();

  /** Where records that cannot be applied go, with the reason in headers. */
  @WithDefault("task-reports-dlq")
  String deadLetterTopic();

  /**
   * How many transactions apply one poll at once, each over its own partitions. Records are keyed
   * by the filing office's city (ADR 0012), so the transactions touch disjoint county and city
   * cells; only a province's own cells are shared, and each statement upserts its cells in one
   * order, so a transaction may wait for another but never deadlock with it. While one runs its
   * Java work, the other's runs in the database.
   */
  @WithDefault("2")
  int applyConcurrency();

  /** First pause before a failed batch transaction is tried again; it doubles up to the max. */
  @WithDefault("200ms")
  Duration retryBackoff();

  /** Longest pause between tries of a failed batch transaction. */
  @WithDefault("10s")
  Duration retryBackoffMax();

  /**
   * A scheduled reconciliation waits while more records than this are still to apply (a backlog
   * being drained), so that the two do not compete for the database.
   */
  @WithDefault("10000")
  long reconciliationDeferAbove();

  /**
   * Into how many shares of the provinces (by code) the scheduled reconciliation is cut: each run
   * checks the next share, so the whole ledger is checked every slices × interval (an hour by
   * default) at a fraction of the cost per run. 1 checks everything every time. {@code GET
   * /api/v1/audit/reconciliation} always checks everything.
   */
  @WithDefault("12")
  @Min(1)
  @Max(100)
  int reconciliationSlices();

  /**
   * PostgreSQL's {@code work_mem} for a reconciliation: a twelfth of a 12-million-report ledger
   * aggregates in memory with 64MB. Each parallel worker and each aggregation may use this much.
   */
  @WithDefault("64MB")
  @Pattern(regexp = "[1-9][0-9]{0,6}(kB|MB|GB)")
  String reconciliationWorkMem();

  /** The longest a scheduled reconciliation waits for a backlog to drain. */
  @WithDefault("1h")
  Duration reconciliationMaxDeferral();

  /**
   * How often past days' rollup cells are folded into one row each (ShardFoldSchedule; {@code off}
   * turns it off), by whichever instance claims the run: the group folds once or twice an interval,
   * however many instances run. A day with cells to fold is a short transaction that holds the
   * batches off; looking at a day that has none read 4,500 pages (0.5 s) of a 10-million-report
   * ledger.
   */
  @WithDefault("1h")
  String shardFoldInterval();

  /**
   * How many days before yesterday each fold visits: late reports older than this stay sharded
   * (read correctly, in a few more rows) until a run with a longer window.
   */
  @WithDefault("14")
  @Min(1)
  @Max(3660)
  int shardFoldDays();

  /**
   * Questions of the dashboards' shapes a freshly started aggregator answers before it says it is
   * ready, so that the first dashboards after a restart do not wait on the JIT compiling the read
   * path (B4 in docs/benchmarks.md); 0 turns the warm-up off.
   */
  @WithDefault("400")
  @Min(0)
  int warmUpQueries();

  /** Limits on what a query may cost. */
  Queries queries();

  /** Limits on live streams of totals. */
  Streams streams();

  /**
   * How long one statement of a query may run before PostgreSQL cancels it (503 {@code
   * query-timeout}): a manager's dashboard should never wait long; an auditor's questions may scan
   * more.
   */
  interface Queries {
    @WithDefault("10s")
    Duration managerTimeout();

    @WithDefault("60s")
    Duration auditorTimeout();
  }

  /**
   * Server-Sent Event streams of totals: each holds a connection and re-reads its totals whenever
   * they change, so they are counted (429 past either bound). A stream ends when its token expires.
   */
  interface Streams {
    /** Open streams per caller (the token's subject). */
    @WithDefault("5")
    @Min(1)
    int perCaller();

    /** Open streams on this instance, in all. */
    @WithDefault("500")
    @Min(1)
    int total();
  }
}
