package cn.shishi.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bin/shishi load}: the options of {@link LoadOptions}, then the run. */
@Command(name = "load")
final class LoadCommand implements Callable<Integer> {
  private final PrintStream out;

  @Spec private CommandSpec spec;

  @Mixin private ServiceAddresses services;

  @Option(names = "--rate", defaultValue = "200", converter = RateConverter.class)
  private double rate;

  // Without either, the run lasts 30 s; with --count alone, until the count is sent.
  @Option(names = "--duration")
  private Duration duration;

  @Option(names = "--count")
  private Long count;

  @Option(names = "--batch-size", defaultValue = "1")
  private int batchSize;

  @Option(names = "--duplicates", defaultValue = "0")
  private double duplicates;

  @Option(names = "--late", defaultValue = "0")
  private double late;

  @Option(names = "--withdrawals", defaultValue = "0")
  private double withdrawals;

  @Option(names = "--invalid", defaultValue = "0")
  private double invalid;

  @Option(names = "--concurrency", defaultValue = "4")
  private int concurrency;

  @Option(names = "--connections", defaultValue = "64")
  private int connections;

  @Option(names = "--warmup", defaultValue = "0")
  private Duration warmup;

  // Sent first, from this same JVM, so that the generator's own JIT has warmed up too.
  @Option(names = "--warmup-reports", defaultValue = "0")
  private long warmupReports;

  @Option(names = "--drain-timeout", defaultValue = "10m")
  private Duration drainTimeout;

  @Option(names = "--no-check")
  private boolean noCheck;

  @Option(names = "--probe")
  private boolean probe;

  LoadCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    LoadOptions options = options();
    try (Api api = services.connect()) {
      if (warmupReports > 0) {
        LoadGenerator.warmUp(options.warmUp(warmupReports), api, out);
      }
      return LoadGenerator.create(options, api, out).run() ? Main.OK : Main.CHECK_FAILED;
    }
  }

  LoadOptions options() {
    if (batchSize < 1 || batchSize > 1000) {
      throw new ParameterException(spec.commandLine(), "--batch-size is 1..1000");
    }
    if (warmupReports < 0) {
      throw new ParameterException(spec.commandLine(), "--warmup-reports is 0 or more");
    }
    if (services.measuresAnotherIngest() && warmupReports > 0) {
      // The warm-up pass is closed-model: it would post to the measured ingest from its start.
      throw new ParameterException(
          spec.commandLine(), "--warmup-reports cannot go with --measure-ingest");
    }
    if (services.measuresWhenReady() && (rate == 0 || warmup.isZero())) {
      throw new ParameterException(
          spec.commandLine(), "--measure-when-ready needs a --rate and a --warmup to wait after");
    }
    return new LoadOptions(
        rate,
        duration(),
        count != null ? count : Long.MAX_VALUE,
        batchSize,
        duplicates,
        late,
        withdrawals,
        invalid,
        concurrency,
        connections,
        !noCheck,
        probe,
        warmup,
        drainTimeout);
  }

  private Duration duration() {
    if (duration == null && count == null) {
      return Duration.ofSeconds(30);
    }
    return duration;
  }

  /** {@code --rate} is a number or {@code max}. */
  static final class RateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      return OptionValues.rate(value);
    }
  }
}
