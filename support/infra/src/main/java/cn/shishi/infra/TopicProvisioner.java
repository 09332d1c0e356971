package cn.shishi.infra;

import cn.shishi.contract.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The topics Shishi uses and their settings, created (or brought up to these settings) before the
 * services start. Compose and Kubernetes create the same set with the same settings; the deployment
 * checks in system-tests hold them to {@link #plan}.
 *
 * <p>Reports are kept until they are applied, and then some: {@code task-reports} keeps 90 days,
 * far beyond any outage the alerts page on (minutes) or a long holiday's unattended backlog (the
 * Spring Festival's 8 days), and long enough to rebuild a quarter from the topic. A record deleted
 * before it was applied is not skipped silently either: the aggregator holds the partition
 * (docs/reliability.md).
 */
public final class TopicProvisioner {
  /** 90 days: see the class comment and docs/operations.md. */
  public static final Duration REPORT_RETENTION = Duration.ofDays(90);

  /**
   * How long a chain head stays on {@code shishi-chain-heads} after a newer one for its partition:
   * an anchor published in the last 30 days cannot be compacted away by publishing another
   * (docs/adr/0011).
   */
  public static final Duration ANCHOR_HISTORY = Duration.ofDays(30);

  private TopicProvisioner() {}

  /** One topic: its partitions, replication factor and settings. */
  public record TopicSpec(
      String name, int partitions, short replicationFactor, Map<String, String> configs) {
    NewTopic newTopic() {
      return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
  }

  /**
   * The topics for a cluster of {@code brokers}: three replicas where there are three brokers, two
   * of them in sync for a write to count, and no unclean leader (a replica that missed writes never
   * becomes the leader and drops them).
   */
  public static List<TopicSpec> plan(int reportPartitions, int brokers) {
    short replicas = (short) Math.min(3, brokers);
    Map<String, String> durable = new LinkedHashMap<>();
    durable.put("min.insync.replicas", Integer.toString(Math.min(2, replicas)));
    durable.put("unclean.leader.election.enable", "false");
    Map<String, String> kept = new LinkedHashMap<>(durable);
    kept.put("retention.ms", Long.toString(REPORT_RETENTION.toMillis()));
    Map<String, String> compacted = new LinkedHashMap<>(durable);
    compacted.put("cleanup.policy", "compact");
    Map<String, String> anchors = new LinkedHashMap<>(compacted);
    anchors.put("min.compaction.lag.ms", Long.toString(ANCHOR_HISTORY.toMillis()));
    return List.of(
        new TopicSpec(Topics.REPORTS, reportPartitions, replicas, Map.copyOf(kept)),
        new TopicSpec(Topics.DEAD_LETTERS, 1, replicas, Map.copyOf(kept)),
        // The catalogue's additions: the latest entry per code, kept for ever.
        new TopicSpec(Topics.CATALOG, 1, replicas, Map.copyOf(compacted)),
        // The chains' heads: the latest per partition, and every one of the last 30 days.
        new TopicSpec(Topics.CHAIN_HEADS, 1, replicas, Map.copyOf(anchors)));
  }

  /**
   * Creates the topics that are missing and sets the plan's settings on those that exist (their
   * partitions are left as they are: adding partitions moves keys, docs/operations.md).
   */
  public static void provision(String bootstrapServers, int reportPartitions) {
    provision(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), reportPartitions);
  }

  /** As {@link #provision(String, int)}, connecting with these admin client settings. */
  public static void provision(Map<String, Object> adminSettings, int reportPartitions) {
    Object bootstrapServers = adminSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    Properties props = new Properties();
    props.putAll(adminSettings);
    try (Admin admin = Admin.create(props)) {
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      List<TopicSpec> plan = plan(reportPartitions, brokers);
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      Map<ConfigResource, Collection<AlterConfigOp>> settings = new LinkedHashMap<>();
      for (TopicSpec topic : plan) {
        if (existing.contains(topic.name())) {
          settings.put(
              new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
              topic.configs().entrySet().stream()
                  .map(
                      e ->
                          new AlterConfigOp(
                              new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        } else {
          missing.add(topic.newTopic());
        }
      }
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      admin.incrementalAlterConfigs(settings).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not provision the topics on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while provisioning topics", e);
    }
  }
}
