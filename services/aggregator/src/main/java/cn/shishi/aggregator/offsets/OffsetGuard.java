package cn.shishi.aggregator.offsets;

import cn.shishi.aggregator.audit.Actor;
import cn.shishi.aggregator.audit.AdminAction;
import cn.shishi.aggregator.audit.AuditLog;
import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.contract.report.Violation;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Holds the stored offsets against the topic's log: on every assignment, every few seconds, and in
 * reconciliation. What does not fit ({@link AnomalyKind}) is recorded as an open anomaly, which
 * holds its partition (no batch applies any of it), shows in readiness, a gauge and an alert, until
 * an admin decides where to go on ({@link #adopt}). Nothing is absorbed silently.
 */
@ApplicationScoped
public class OffsetGuard {
  private static final Logger LOG = Logger.getLogger(OffsetGuard.class);

  private final OffsetRepository offsets;
  private final TopicLog log;
  private final HeldPartitions held;
  private final PartitionSeeker seeker;
  private final OffsetGauges gauges;
  private final AggregatorConfig config;
  private final AuditLog audit;
  private final Clock clock;

  public OffsetGuard(
      OffsetRepository offsets,
      TopicLog log,
      HeldPartitions held,
      PartitionSeeker seeker,
      OffsetGauges gauges,
      AggregatorConfig config,
      AuditLog audit,
      Clock clock) {
    this.offsets = offsets;
    this.log = log;
    this.held = held;
    this.seeker = seeker;
    this.gauges = gauges;
    this.config = config;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Checks newly assigned partitions and returns the offset each is to be read from: its stored
   * offset (0 for a partition never applied). A partition found anomalous is read from there too,
   * and applies nothing while held.
   */
  public Map<Integer, Long> onAssigned(String topic, Collection<Integer> partitions) {
    LogSnapshot snapshot = log.snapshot(topic);
    Map<Integer, StoredPosition> stored = offsets.read(topic);
    for (int partition : partitions) {
      LogSnapshot.Range range = snapshot.partitions().get(partition);
      if (range != null) {
        OffsetAudit.check(partition, stored.get(partition), snapshot.topicId(), range)
            .ifPresent(finding -> raise(topic, finding));
      }
    }
    offsets.claimTopicId(topic, partitions, snapshot.topicId());
    Set<Integer> anomalous =
        offsets.openAnomalies(topic).stream()
            .map(OffsetAnomaly::partition)
            .filter(partitions::contains)
            .collect(Collectors.toSet());
    held.hold(anomalous);
    Map<Integer, Long> positions = new HashMap<>();
    partitions.forEach(
        p ->
            positions.put(
                p, Optional.ofNullable(stored.get(p)).map(StoredPosition::next).orElse(0L)));
    return positions;
  }

  /**
   * Checks every partition of the topic, records what does not fit, refreshes the gauges and lets
   * go of partitions an admin has released.
   */
  @Scheduled(
      every = "${shishi.aggregator.offset-check-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void check() {
    String topic = config.topic();
    try {
      Map<Integer, StoredPosition> stored = offsets.read(topic);
      // Whatever was acknowledged before this instant is in the snapshot's logs.
      Instant checkedAt = clock.instant();
      LogSnapshot snapshot = log.snapshot(topic);
      confirmed(topic, OffsetAudit.check(stored, snapshot)).forEach(f -> raise(topic, f));
      List<OffsetAnomaly> open = offsets.openAnomalies(topic);
      gauges.update(stored, snapshot, open, checkedAt);
      releaseResolved(topic, open);
    } catch (RuntimeException e) {
      LOG.debugf("offsets not checked: %s", e);
    }
  }

  /** Checks every partition now, records what does not fit and returns the open anomalies. */
  public List<OffsetAnomaly> audit() {
    String topic = config.topic();
    confirmed(topic, OffsetAudit.check(offsets.read(topic), log.snapshot(topic)))
        .forEach(finding -> raise(topic, finding));
    return offsets.openAnomalies(topic);
  }

  /**
   * The findings a second reading confirms: a batch may commit between the reading of the offsets
   * and that of the log.
   */
  private List<OffsetAnomaly.Finding> confirmed(String topic, List<OffsetAnomaly.Finding> first) {
    if (first.isEmpty()) {
      return first;
    }
    Set<Integer> suspects =
        first.stream().map(OffsetAnomaly.Finding::partition).collect(Collectors.toSet());
    return OffsetAudit.check(offsets.read(topic), log.snapshot(topic)).stream()
        .filter(finding -> suspects.contains(finding.partition()))
        .toList();
  }

  /**
   * An admin's decision on an open anomaly: its partition goes on in the log as it is now, from
   * {@code fromOffset} (the log's start when null). Recorded with who and why.
   */
  @Transactional
  public OffsetAnomaly adopt(long id, Long fromOffset, Actor actor, String note) {
    OffsetAnomaly anomaly = offsets.lockAnomaly(id).orElseThrow(() -> new AnomalyNotFound(id));
    if (!anomaly.isOpen()) {
      throw new AnomalyAlreadyResolved(anomaly);
    }
    offsets.lock(anomaly.topic(), List.of(anomaly.partition()));
    LogSnapshot snapshot = log.snapshot(anomaly.topic());
    LogSnapshot.Range range = snapshot.partitions().get(anomaly.partition());
    if (range == null) {
      throw new OffsetOutsideLog(anomaly.partition(), fromOffset, null);
    }
    long from = fromOffset == null ? range.start() : fromOffset;
    if (from < range.start() || from > range.end()) {
      throw new OffsetOutsideLog(anomaly.partition(), from, range);
    }
    var resolution = new OffsetAnomaly.Resolution(clock.instant(), actor.name(), from, note);
    offsets.reposition(
        anomaly.topic(), anomaly.partition(), from, snapshot.topicId(), clock.instant());
    offsets.resolve(id, resolution);
    audit.record(
        actor,
        AdminAction.OFFSET_ADOPTION,
        anomaly.topic() + "/" + anomaly.partition(),
        anomaly.kind().code() + ": going on from offset " + from + " (" + note + ")");
    LOG.warnf(
        "offset anomaly %d on partition %d resolved by %s: going on from offset %d (%s)",
        id, anomaly.partition(), actor.name(), from, note);
    return offsets.anomalies(anomaly.topic(), Integer.MAX_VALUE).stream()
        .filter(a -> a.id() == id)
        .findFirst()
        .orElseThrow();
  }

  /** The topic's anomalies, open first, then the latest resolved. */
  public List<OffsetAnomaly> anomalies(int limit) {
    return offsets.anomalies(config.topic(), limit);
  }

  private void releaseResolved(String topic, List<OffsetAnomaly> open) {
    Set<Integer> stillHeld =
        open.stream().map(OffsetAnomaly::partition).collect(Collectors.toSet());
    Map<Integer, Long> seeks = new HashMap<>();
    Map<Integer, StoredPosition> stored = null;
    for (int partition : held.snapshot()) {
      if (!stillHeld.contains(partition)) {
        stored = stored == null ? offsets.read(topic) : stored;
        held.release(partition);
        seeks.put(partition, stored.getOrDefault(partition, new StoredPosition(0, null)).next());
      }
    }
    seeker.seek(topic, seeks);
  }

  private void raise(String topic, OffsetAnomaly.Finding finding) {
    if (offsets.raise(topic, finding, clock.instant())) {
      LOG.errorf(
          "partition %d of %s is held: %s (stored offset %d, log %d..%d, topic id %s, stored %s);"
              + " an admin decides where it goes on (docs/operations.md, ShishiOffsetAnomaly)",
          finding.partition(),
          topic,
          finding.kind().code(),
          finding.storedOffset(),
          finding.logStart(),
          finding.logEnd(),
          finding.topicId(),
          finding.storedTopicId());
    }
  }

  /** No anomaly has that id (404). */
  public static final class AnomalyNotFound extends ProblemException {
    AnomalyNotFound(long id) {
      super(Response.Status.NOT_FOUND, "not-found", "anomaly.not-found", String.valueOf(id));
    }
  }

  /** The anomaly was resolved before (409). */
  public static final class AnomalyAlreadyResolved extends ProblemException {
    AnomalyAlreadyResolved(OffsetAnomaly anomaly) {
      super(
          Response.Status.CONFLICT,
          "anomaly-resolved",
          "anomaly.resolved",
          String.valueOf(anomaly.id()),
          anomaly.resolution().by(),
          anomaly.resolution().at().toString());
    }
  }

  /** The offset chosen is not in the partition's log (422 at {@code /fromOffset}). */
  public static final class OffsetOutsideLog extends InvalidRequestException {
    OffsetOutsideLog(int partition, Long offset, LogSnapshot.Range range) {
      super(
          List.of(
              range == null
                  ? new Violation("/fromOffset", "anomaly.partition-gone", partition)
                  : new Violation(
                      "/fromOffset",
                      "anomaly.offset-outside",
                      String.valueOf(offset),
                      partition,
                      String.valueOf(range.start()),
                      String.valueOf(range.end()))));
    }
  }
}
