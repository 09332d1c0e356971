package cn.shishi.bench;

import cn.shishi.contract.partition.AssignmentPartitioner;
import cn.shishi.contract.partition.PartitionKeys;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka side of B1 and B2: the raw records, and the aggregator's drain measured from outside.
 */
final class KafkaBench {
  private final ReportFactory factory;
  private final PrintStream out;

  KafkaBench(ReportFactory factory, PrintStream out) {
    this.factory = factory;
    this.out = out;
  }

  /** A {@code report-filed} event (docs/events/report-filed.v1.json) as the ingest writes it. */
  String event(Report report) {
    ObjectNode node = Report.JSON.createObjectNode().put("schemaVersion", 1);
    node.setAll(report.toJson());
    node.put("officeId", "bench-office-" + report.province());
    node.put("receivedAt", Instant.now().toString());
    return node.toString();
  }

  Report randomReport() {
    return factory.report(factory.randomOffice(), ThreadLocalRandom.current().nextInt(3));
  }

  /** Realistic events, one a line, for ProducerPerformance's {@code --payload-file}. */
  void payloadFile(Path file, long count) throws IOException {
    long bytes = 0;
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = 0; i < count; i++) {
        String event = event(randomReport());
        bytes += event.getBytes(StandardCharsets.UTF_8).length;
        writer.write(event);
        writer.write('\n');
      }
    }
    out.printf("%s: %,d events, %.0f bytes on average%n", file, count, (double) bytes / count);
  }

  void createTopic(String bootstrap, String topic, int partitions) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(props)) {
      if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        admin
            .createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Writes {@code count} report-filed events straight to the topic, keyed by their filing office (a
   * province's or a city's, ADR 0012) with the type header, with the ingest's producer settings:
   * the backlog B2 and B6 drain.
   */
  void writeEvents(String bootstrap, String topic, long count) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, AssignmentPartitioner.class.getName());
    long quantity = 0;
    long beneficiaries = 0;
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      for (long i = 0; i < count && failure.get() == null; i++) {
        // As the ingest keys it: by the filing office, a province's or a city's (ADR 0012).
        String office = factory.randomOffice();
        Report report = factory.report(office, ThreadLocalRandom.current().nextInt(3));
        quantity += report.quantity();
        beneficiaries += report.beneficiaries();
        ProducerRecord<String, String> record =
            new ProducerRecord<>(topic, PartitionKeys.ofOffice(office), event(report));
        record.headers().add("shishi-event-type", "report-filed".getBytes(StandardCharsets.UTF_8));
        producer.send(
            record,
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        if (i > 0 && i % 200_000 == 0) {
          out.printf("  %,d events written%n", i);
        }
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "wrote %,d events to %s in %.1f s (%,.0f/s): quantity %,d, beneficiaries %,d%n",
        count, topic, seconds, count / seconds, quantity, beneficiaries);
  }

  /**
   * Waits until the offsets the aggregator stored in PostgreSQL reach Kafka's end offsets, and
   * reports the drain rate from {@code since} (the aggregator's start, epoch ms) and from the first
   * batch it applied (so the JVM's start-up is visible separately). Gives up {@code timeout} after
   * {@code since}.
   */
  void drain(String bootstrap, String topic, String jdbc, long since, Duration timeout)
      throws Exception {
    long timeoutMs = timeout.toMillis();
    Map<Integer, Long> end = endOffsets(bootstrap, topic);
    long endTotal = end.values().stream().mapToLong(Long::longValue).sum();
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      long startStored = stored(db, topic);
      long backlog = endTotal - startStored;
      if (backlog <= 0) {
        out.println("drain: nothing pending");
        return;
      }
      out.printf("drain: %,d records pending at the start%n", backlog);
      long firstMoved = 0;
      long last = startStored;
      long lastPrint = System.currentTimeMillis();
      while (true) {
        long stored = stored(db, topic);
        long now = System.currentTimeMillis();
        if (firstMoved == 0 && stored > startStored) {
          firstMoved = now;
        }
        if (stored >= endTotal) {
          double fromStart = (now - since) / 1000.0;
          out.printf(
              "drained %,d records: %.1f s from the aggregator's start (%,.0f/s), %s%n",
              backlog, fromStart, backlog / fromStart, sinceFirstCommit(backlog, now - firstMoved));
          return;
        }
        if (now - lastPrint >= 5000) {
          out.printf(
              "  %,d pending, %,.0f/s over the last 5 s%n",
              endTotal - stored, (stored - last) / ((now - lastPrint) / 1000.0));
          last = stored;
          lastPrint = now;
        }
        if (now - since > timeoutMs) {
          throw new IllegalStateException("not drained in time: " + (endTotal - stored) + " left");
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * The drain from the first commit seen; a backlog gone by the first look (a small run, or one the
   * aggregator had nearly drained before the bench began) has no rate worth printing.
   */
  private static String sinceFirstCommit(long backlog, long millis) {
    if (millis < 100) {
      return "all of it by the first look, so no rate from its first commit";
    }
    double seconds = millis / 1000.0;
    return String.format("%.1f s from its first commit (%,.0f/s)", seconds, backlog / seconds);
  }

  private static long stored(Connection db, String topic) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE topic = '"
                    + topic.replace("'", "''")
                    + "'")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Map<Integer, Long> endOffsets(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map((PartitionInfo p) -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<Integer, Long> ends = new HashMap<>();
      consumer.endOffsets(partitions).forEach((tp, offset) -> ends.put(tp.partition(), offset));
      return ends;
    }
  }
}
