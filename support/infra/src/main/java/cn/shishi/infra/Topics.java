package cn.shishi.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics Shishi uses, created before the services start. Topics are infrastructure: in
 * Kubernetes and Compose a provisioning step creates the same set (see docs/architecture.md).
 */
public final class Topics {
  public static final String REPORTS = "task-reports";
  public static final String DEAD_LETTERS = "task-reports-dlq";
  public static final String CATALOG = "shishi-catalog";

  private Topics() {}

  private static NewTopic topic(String name, int partitions) {
    return new NewTopic(name, Optional.of(partitions), Optional.empty());
  }

  /** Creates the topics that are missing; existing topics are left as they are. */
  public static void provision(String bootstrapServers, int reportPartitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> wanted =
          List.of(
              topic(REPORTS, reportPartitions),
              topic(DEAD_LETTERS, 1),
              // The catalogue's additions: the latest entry per code, kept for ever.
              topic(CATALOG, 1).configs(Map.of("cleanup.policy", "compact")));
      List<NewTopic> missing =
          wanted.stream().filter(topic -> !existing.contains(topic.name())).toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the topics on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
