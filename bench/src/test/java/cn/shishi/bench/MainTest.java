package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The command line as bin/shishi and people use it; nothing here runs a tool. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandLine commandLine =
      Main.commandLine(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  private CommandSpec parse(String... args) {
    return commandLine.parseArgs(args).subcommand().commandSpec();
  }

  private static Object value(CommandSpec command, String option) {
    return command.findOption(option).getValue();
  }

  private LoadOptions load(String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "load";
    System.arraycopy(options, 0, args, 1, options.length);
    return ((LoadCommand) parse(args).userObject()).options();
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void loadRunsThirtySecondsAtTwoHundredSingleReportsASecondAndChecks() {
    assertThat(load())
        .isEqualTo(
            new LoadOptions(
                200,
                Duration.ofSeconds(30),
                Long.MAX_VALUE,
                1,
                0,
                0,
                0,
                0,
                4,
                64,
                true,
                false,
                Duration.ZERO,
                Duration.ofMinutes(10)));
    CommandSpec load = parse("load");
    assertThat(value(load, "--ingest")).isEqualTo("http://127.0.0.1:8080");
    assertThat(value(load, "--aggregator")).isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void loadAsBenchmarkB1RunsItUntilTheCountIsSent() {
    LoadOptions options =
        load(
            "--rate",
            "max",
            "--concurrency",
            "4",
            "--batch-size",
            "1000",
            "--count",
            "100000",
            "--no-check");
    assertThat(options.rate()).isZero();
    assertThat(options.duration()).isNull();
    assertThat(options.count()).isEqualTo(100_000);
    assertThat(options.batchSize()).isEqualTo(1000);
    assertThat(options.requestLimit()).isEqualTo(100);
    assertThat(options.concurrency()).isEqualTo(4);
    assertThat(options.check()).isFalse();
  }

  @Test
  void benchmarkB1sWarmUpPassIsTheSameLoadUncheckedAndUnmeasured() {
    LoadOptions measured =
        load("--rate", "max", "--concurrency", "4", "--batch-size", "1000", "--count", "500000");
    LoadOptions warmUp = measured.warmUp(100_000);
    assertThat(warmUp.count()).isEqualTo(100_000);
    assertThat(warmUp.requestLimit()).isEqualTo(100);
    assertThat(warmUp.duration()).isNull();
    assertThat(warmUp.rate()).isZero();
    assertThat(warmUp.batchSize()).isEqualTo(1000);
    assertThat(warmUp.concurrency()).isEqualTo(4);
    assertThat(warmUp.check()).isFalse();
    assertThat(warmUp.probe()).isFalse();
    assertThat(warmUp.duplicates() + warmUp.late() + warmUp.withdrawals() + warmUp.invalid())
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--rate=max --warmup=30s", "--rate=300"})
  void waitingForAMeasuredIngestNeedsAnOpenModelAndAWarmUp(String options) {
    String[] args =
        ("load --measure-ingest=http://127.0.0.1:8090"
                + " --measure-when-ready=http://127.0.0.1:9010/q/health/ready "
                + options)
            .split(" ");
    assertThat(commandLine.execute(args)).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "shishi load: --measure-when-ready needs a --rate and a --warmup to wait after"
                + System.lineSeparator());
  }

  @Test
  void aNegativeWarmUpCountIsAUsageError() {
    assertThat(commandLine.execute("load", "--warmup-reports", "-1")).isEqualTo(2);
    assertThat(err())
        .isEqualTo("shishi load: --warmup-reports is 0 or more" + System.lineSeparator());
  }

  @Test
  void loadAsBenchmarkB3WarmsUpAndProbes() {
    LoadOptions options = load("--rate", "2000", "--duration", "90s", "--warmup", "30s", "--probe");
    assertThat(options.rate()).isEqualTo(2000);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.probe()).isTrue();
    assertThat(options.check()).isTrue();
  }

  @Test
  void loadTakesEveryOptionInEitherFormAndGroupedDigits() {
    LoadOptions options =
        load(
            "--rate=500.5",
            "--count",
            "1_000_000",
            "--duration",
            "45",
            "--batch-size=250",
            "--duplicates",
            "0.1",
            "--late",
            "0.05",
            "--withdrawals",
            "0.01",
            "--invalid",
            "0.02",
            "--concurrency",
            "8",
            "--connections",
            "1,024",
            "--warmup",
            "2m",
            "--drain-timeout",
            "1h");
    assertThat(options)
        .isEqualTo(
            new LoadOptions(
                500.5,
                Duration.ofSeconds(45),
                1_000_000,
                250,
                0.1,
                0.05,
                0.01,
                0.02,
                8,
                1024,
                true,
                false,
                Duration.ofMinutes(2),
                Duration.ofHours(1)));
    CommandSpec load = parse("load", "--ingest", "http://i:1", "--aggregator=http://a:2");
    assertThat(value(load, "--ingest")).isEqualTo("http://i:1");
    assertThat(value(load, "--aggregator")).isEqualTo("http://a:2");
  }

  @Test
  void theLastOfARepeatedOptionWins() {
    assertThat(load("--rate", "100", "--rate", "300").rate()).isEqualTo(300);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001"})
  void aBatchSizeOutsideOneToAThousandIsAUsageError(String size) {
    assertThat(commandLine.execute("load", "--batch-size", size)).isEqualTo(2);
    assertThat(err()).isEqualTo("shishi load: --batch-size is 1..1000" + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "load",
        "demo",
        "queries",
        "payload-file",
        "create-topic",
        "write-events",
        "drain"
      })
  void anUnknownOptionIsAUsageError(String command) {
    assertThat(commandLine.execute(command, "--no-such-option", "1")).isEqualTo(2);
    assertThat(err()).startsWith("shishi " + command + ": ").contains("--no-such-option");
    assertThat(out()).isEmpty();
  }

  @Test
  void anArgumentThatIsNoOptionIsAUsageError() {
    assertThat(commandLine.execute("load", "fast")).isEqualTo(2);
    assertThat(err()).startsWith("shishi load: ").contains("fast");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"--rate=fast", "--duration=5x", "--count=many", "--batch-size=3000000000"})
  void aValueOfTheWrongKindIsAUsageError(String option) {
    assertThat(commandLine.execute("load", option)).isEqualTo(2);
    assertThat(err()).startsWith("shishi load: ");
  }

  @Test
  void withoutACommandTheUsageIsPrinted() {
    assertThat(commandLine.execute()).isEqualTo(2);
    assertThat(out()).isEqualTo(Main.USAGE + System.lineSeparator());
    assertThat(out()).startsWith("usage: bin/shishi load [--rate 2000|max]");
  }

  @Test
  void anUnknownCommandPrintsTheUsage() {
    assertThat(commandLine.execute("bench", "b1")).isEqualTo(2);
    assertThat(out()).isEqualTo(Main.USAGE + System.lineSeparator());
  }

  @Test
  void anIllegalValueFoundOnlyByTheRunIsAUsageError() {
    commandLine.addSubcommand(new Refusing());
    assertThat(commandLine.execute("refusing")).isEqualTo(2);
    assertThat(err())
        .isEqualTo("shishi refusing: the rate must be positive" + System.lineSeparator());
  }

  @Command(name = "refusing")
  static final class Refusing implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalArgumentException("the rate must be positive");
    }
  }

  @Test
  void demoTalksToTheLocalServices() {
    CommandSpec demo = parse("demo");
    assertThat(value(demo, "--ingest")).isEqualTo("http://127.0.0.1:8080");
    assertThat(value(demo, "--aggregator")).isEqualTo("http://127.0.0.1:8081");
  }

  @Test
  void queriesAskFiftyQuestionsASecondForAMinuteAbout2022() {
    CommandSpec queries = parse("queries");
    assertThat(value(queries, "--rate")).isEqualTo(50.0);
    assertThat(value(queries, "--duration")).isEqualTo(Duration.ofSeconds(60));
    assertThat(value(queries, "--year")).isEqualTo(2022);
    assertThat(value(queries, "--aggregator")).isEqualTo("http://127.0.0.1:8081");
    assertThat(value(queries, "--ingest")).isEqualTo("http://127.0.0.1:8080");

    CommandSpec b4 = parse("queries", "--rate", "20", "--duration", "2m", "--year", "2021");
    assertThat(value(b4, "--rate")).isEqualTo(20.0);
    assertThat(value(b4, "--duration")).isEqualTo(Duration.ofMinutes(2));
    assertThat(value(b4, "--year")).isEqualTo(2021);
  }

  @Test
  void payloadFileWritesTenThousandEventsUnderRun() {
    CommandSpec payloads = parse("payload-file");
    assertThat(value(payloads, "--out")).isEqualTo(Path.of("run/bench-payloads.txt"));
    assertThat(value(payloads, "--count")).isEqualTo(10_000L);

    CommandSpec b1 = parse("payload-file", "--count", "10000", "--out", "/tmp/p.txt");
    assertThat(value(b1, "--out")).isEqualTo(Path.of("/tmp/p.txt"));
  }

  @Test
  void createTopicMakesTheRawBenchmarkTopicWithTwelvePartitions() {
    CommandSpec topic = parse("create-topic");
    assertThat(value(topic, "--bootstrap")).isEqualTo("127.0.0.1:9092");
    assertThat(value(topic, "--topic")).isEqualTo("bench-raw");
    assertThat(value(topic, "--partitions")).isEqualTo(12);
  }

  @Test
  void writeEventsWritesAMillionReportsToTheServicesTopic() {
    CommandSpec events = parse("write-events");
    assertThat(value(events, "--bootstrap")).isEqualTo("127.0.0.1:9092");
    assertThat(value(events, "--topic")).isEqualTo("task-reports");
    assertThat(value(events, "--count")).isEqualTo(1_000_000L);
    assertThat(value(parse("write-events", "--count", "2,000,000"), "--count"))
        .isEqualTo(2_000_000L);
  }

  @Test
  void drainWatchesTheServicesTopicForHalfAnHourFromNow() {
    CommandSpec drain = parse("drain");
    assertThat(value(drain, "--bootstrap")).isEqualTo("127.0.0.1:9092");
    assertThat(value(drain, "--topic")).isEqualTo("task-reports");
    assertThat(value(drain, "--jdbc")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/shishi");
    assertThat(value(drain, "--since")).isNull();
    assertThat(value(drain, "--timeout")).isEqualTo(Duration.ofMinutes(30));

    CommandSpec b2 = parse("drain", "--since", "1700000000000", "--timeout", "60m");
    assertThat(value(b2, "--since")).isEqualTo(1_700_000_000_000L);
    assertThat(value(b2, "--timeout")).isEqualTo(Duration.ofMinutes(60));
  }
}
