package cn.shishi.infra;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that opens a reader of one topic before each test and closes it after:
 * {@code @RegisterExtension final TopicFixture topic = TopicFixture.reports();}.
 */
public final class TopicFixture implements BeforeEachCallback, AfterEachCallback {
  private final Supplier<String> bootstrapServers;
  private final String name;
  private TopicReader reader;

  private TopicFixture(Supplier<String> bootstrapServers, String name) {
    this.bootstrapServers = bootstrapServers;
    this.name = name;
  }

  /** {@code task-reports} on the broker of {@link ShishiInfrastructureResource}. */
  public static TopicFixture reports() {
    return of(cn.shishi.contract.Topics.REPORTS);
  }

  /** A topic on the broker of {@link ShishiInfrastructureResource}. */
  public static TopicFixture of(String topic) {
    return new TopicFixture(
        () -> ShishiInfrastructureResource.infrastructure().bootstrapServers(), topic);
  }

  /** A topic on a broker of the test's own. */
  public static TopicFixture of(Supplier<String> bootstrapServers, String topic) {
    return new TopicFixture(bootstrapServers, topic);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reader = new TopicReader(bootstrapServers.get(), name);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    reader.close();
  }

  /** The open reader of this test. */
  public TopicReader reader() {
    return reader;
  }
}
