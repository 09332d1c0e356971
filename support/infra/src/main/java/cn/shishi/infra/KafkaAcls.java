package cn.shishi.infra;

import cn.shishi.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on Shishi's topics, with Kafka's standard authorizer denying everything else:
 * only the ingest writes reports and catalogue changes; the aggregator reads them and writes dead
 * letters and the chains' heads; re-driving a dead letter back into the reports is the one other
 * write, and it has a principal of its own, so that a deployment can keep it off the instances that
 * do not need it. An auditor may read the chains' heads, and nothing else. Compose creates the same
 * bindings (docs/security.md).
 */
public final class KafkaAcls {
  public static final String INGEST = "shishi-ingest";
  public static final String AGGREGATOR = "shishi-aggregator";
  public static final String REDRIVE = "shishi-redrive";
  public static final String AUDITOR = "shishi-auditor";

  private KafkaAcls() {}

  public static List<AclBinding> plan() {
    List<AclBinding> plan = new ArrayList<>();
    allow(plan, INGEST, topic(Topics.REPORTS), AclOperation.WRITE, AclOperation.DESCRIBE);
    allow(
        plan,
        INGEST,
        topic(Topics.CATALOG),
        AclOperation.WRITE,
        AclOperation.READ,
        AclOperation.DESCRIBE);
    allow(plan, INGEST, groups("shishi-ingest"), AclOperation.READ);
    allow(plan, AGGREGATOR, topic(Topics.REPORTS), AclOperation.READ, AclOperation.DESCRIBE);
    allow(plan, AGGREGATOR, topic(Topics.CATALOG), AclOperation.READ, AclOperation.DESCRIBE);
    allow(plan, AGGREGATOR, topic(Topics.DEAD_LETTERS), AclOperation.WRITE, AclOperation.DESCRIBE);
    allow(plan, AGGREGATOR, topic(Topics.CHAIN_HEADS), AclOperation.WRITE, AclOperation.DESCRIBE);
    allow(plan, AGGREGATOR, groups("shishi-aggregator"), AclOperation.READ);
    allow(plan, AUDITOR, topic(Topics.CHAIN_HEADS), AclOperation.READ, AclOperation.DESCRIBE);
    allow(plan, REDRIVE, topic(Topics.REPORTS), AclOperation.WRITE, AclOperation.DESCRIBE);
    return List.copyOf(plan);
  }

  /** Creates the plan's bindings (creating one that exists changes nothing). */
  public static void apply(Admin admin) {
    try {
      admin.createAcls(plan()).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the ACLs", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating ACLs", e);
    }
  }

  private static ResourcePattern topic(String name) {
    return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
  }

  /** The consumer groups whose names begin with {@code prefix}: a service's own groups. */
  private static ResourcePattern groups(String prefix) {
    return new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED);
  }

  private static void allow(
      List<AclBinding> plan, String user, ResourcePattern resource, AclOperation... operations) {
    for (AclOperation operation : operations) {
      plan.add(
          new AclBinding(
              resource,
              new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
    }
  }
}
