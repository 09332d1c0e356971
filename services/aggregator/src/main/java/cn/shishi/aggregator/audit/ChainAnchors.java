package cn.shishi.aggregator.audit;

import cn.shishi.aggregator.config.AggregatorConfig;
import cn.shishi.aggregator.jdbc.PersistenceFailure;
import cn.shishi.contract.Topics;
import cn.shishi.contract.chain.ChainAnchor;
import cn.shishi.contract.chain.Hashes;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes the ledger chains' heads that moved to {@code shishi-chain-heads} (docs/adr/0011), out
 * of reach of whoever runs the database: the aggregator's principal may only append there, and an
 * anchor stays for a month after a newer one. Every instance publishes the same heads; a head
 * published twice is the same anchor twice.
 */
@ApplicationScoped
public class ChainAnchors {
  private static final Logger LOG = Logger.getLogger(ChainAnchors.class);

  private final DataSource dataSource;
  private final Producer<byte[], byte[]> producer;
  private final AggregatorConfig config;
  private final Clock clock;

  /** The number of blocks last published per partition. */
  private final Map<Integer, Long> published = new ConcurrentHashMap<>();

  public ChainAnchors(
      DataSource dataSource,
      Producer<byte[], byte[]> producer,
      AggregatorConfig config,
      Clock clock) {
    this.dataSource = dataSource;
    this.producer = producer;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(
      every = "${shishi.aggregator.chain-anchor-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void publish() {
    try {
      List<ChainAnchor> moved = moved();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ChainAnchor anchor : moved) {
        sent.add(
            producer.send(new ProducerRecord<>(Topics.CHAIN_HEADS, anchor.key(), anchor.toJson())));
      }
      for (int i = 0; i < moved.size(); i++) {
        sent.get(i).get(30, TimeUnit.SECONDS);
        published.put(moved.get(i).partition(), moved.get(i).blocks());
      }
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      // Kafka or the database may be down: the next run publishes what this one could not.
      LOG.warnf("chain heads not published (next try at the next interval): %s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The heads whose chains grew since they were last published. */
  private List<ChainAnchor> moved() {
    List<ChainAnchor> moved = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT kafka_partition, chain_blocks, chain_head FROM consumer_offset"
                    + " WHERE topic = ? AND chain_head IS NOT NULL ORDER BY kafka_partition")) {
      select.setString(1, config.topic());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          int partition = row.getInt(1);
          long blocks = row.getLong(2);
          if (published.getOrDefault(partition, 0L) != blocks) {
            moved.add(
                new ChainAnchor(
                    config.topic(),
                    partition,
                    blocks,
                    Hashes.hex(row.getBytes(3)),
                    clock.instant()));
          }
        }
      }
      return moved;
    } catch (SQLException e) {
      throw new PersistenceFailure("reading the chains' heads", e);
    }
  }
}
