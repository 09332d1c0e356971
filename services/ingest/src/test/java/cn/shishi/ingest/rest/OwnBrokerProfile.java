package cn.shishi.ingest.rest;

import cn.shishi.infra.FreePorts;
import cn.shishi.infra.KafkaBroker;
import cn.shishi.infra.TopicProvisioner;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A broker of its own, which the test may stop and start, so no other test is disturbed. */
public class OwnBrokerProfile implements QuarkusTestProfile {
  private static KafkaBroker broker;

  static synchronized KafkaBroker broker() {
    if (broker == null) {
      broker =
          new KafkaBroker(
              Path.of("target", "own-broker-" + ProcessHandle.current().pid()).toAbsolutePath(),
              FreePorts.next(),
              FreePorts.next(),
              Path.of(System.getProperty("shishi.kafka.libs")));
      broker.start();
      TopicProvisioner.provision(broker.bootstrapServers(), 3);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
    }
    return broker;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(Resource.class));
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    // Short bounds, so that the test waits seconds, not the production 10-15 s.
    return Map.of(
        "shishi.ingest.producer.delivery.timeout.ms", "4000",
        "shishi.ingest.producer.request.timeout.ms", "1500",
        "shishi.ingest.producer.max.block.ms", "1500",
        "shishi.ingest.producer.linger.ms", "0",
        "shishi.ingest.publish-timeout", "8s");
  }

  /** Points the application at the profile's broker. */
  public static class Resource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
      // The broker stops with the JVM; the test stops and starts it itself.
    }
  }
}
