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

  private Topics() {}

  /** Creates the topics that are missing; existing topics are left as they are. */
  public static void provision(String bootstrapServers, int reportPartitions) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Map.of(REPORTS, reportPartitions, DEAD_LETTERS, 1).entrySet().stream()
              .filter(topic -> !existing.contains(topic.getKey()))
              .map(
                  topic ->
                      new NewTopic(topic.getKey(), Optional.of(topic.getValue()), Optional.empty()))
              .toList();
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the topics on " + bootstrapServers, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }
}
