package cn.shishi.bench;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bin/shishi demo}. */
@Command(name = "demo")
final class DemoCommand implements Callable<Integer> {
  private final PrintStream out;

  @Mixin private ServiceAddresses services;

  DemoCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws InterruptedException {
    try (Api api = services.connect()) {
      return new Demo(api, out).run() ? Main.OK : Main.CHECK_FAILED;
    }
  }
}
