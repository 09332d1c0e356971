package cn.shishi.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Kafka helpers of benchmarks B1 and B2, one command each (see {@link KafkaBench}). */
final class KafkaCommands {
  private static final String BOOTSTRAP = "127.0.0.1:9092";

  private KafkaCommands() {}

  private static KafkaBench bench(PrintStream out) {
    return new KafkaBench(ReportFactory.load(), out);
  }

  @Command(name = "payload-file")
  static final class PayloadFile implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--out", defaultValue = "run/bench-payloads.txt")
    private Path file;

    @Option(names = "--count", defaultValue = "10000")
    private long count;

    PayloadFile(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() throws Exception {
      bench(out).payloadFile(file, count);
      return Main.OK;
    }
  }

  @Command(name = "create-topic")
  static final class CreateTopic implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--bootstrap", defaultValue = BOOTSTRAP)
    private String bootstrap;

    @Option(names = "--topic", defaultValue = "bench-raw")
    private String topic;

    @Option(names = "--partitions", defaultValue = "12")
    private int partitions;

    CreateTopic(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() throws Exception {
      bench(out).createTopic(bootstrap, topic, partitions);
      return Main.OK;
    }
  }

  @Command(name = "write-events")
  static final class WriteEvents implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--bootstrap", defaultValue = BOOTSTRAP)
    private String bootstrap;

    @Option(names = "--topic", defaultValue = "task-reports")
    private String topic;

    @Option(names = "--count", defaultValue = "1000000")
    private long count;

    WriteEvents(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() throws Exception {
      bench(out).writeEvents(bootstrap, topic, count);
      return Main.OK;
    }
  }

  @Command(name = "drain")
  static final class Drain implements Callable<Integer> {
    private final PrintStream out;

    @Option(names = "--bootstrap", defaultValue = BOOTSTRAP)
    private String bootstrap;

    @Option(names = "--topic", defaultValue = "task-reports")
    private String topic;

    @Option(names = "--jdbc", defaultValue = "jdbc:postgresql://127.0.0.1:15432/shishi")
    private String jdbc;

    // The aggregator's start in epoch ms; without it, the drain is timed from now.
    @Option(names = "--since")
    private Long since;

    @Option(names = "--timeout", defaultValue = "30m")
    private Duration timeout;

    Drain(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() throws Exception {
      long from = since != null ? since : System.currentTimeMillis();
      bench(out).drain(bootstrap, topic, jdbc, from, timeout);
      return Main.OK;
    }
  }
}
