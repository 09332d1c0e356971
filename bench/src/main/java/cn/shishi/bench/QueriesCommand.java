package cn.shishi.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code queries}: benchmark B4. */
@Command(name = "queries")
final class QueriesCommand implements Callable<Integer> {
  private final PrintStream out;

  @Mixin private ServiceAddresses services;

  @Option(names = "--rate", defaultValue = "50")
  private double rate;

  @Option(names = "--duration", defaultValue = "60s")
  private Duration duration;

  @Option(names = "--year", defaultValue = "2022")
  private int year;

  QueriesCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() {
    try (Api api = services.connect()) {
      new QueryBench(api, out, rate, duration, year).run();
    }
    return Main.OK;
  }
}
