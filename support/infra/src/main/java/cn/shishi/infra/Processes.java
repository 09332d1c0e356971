package cn.shishi.infra;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the child processes the launcher and the tests start. */
public final class Processes {
  private Processes() {}

  /**
   * SIGTERM, then SIGKILL if the process has not exited within {@code grace}: what an orchestrator
   * does, so that a graceful shutdown is tried but never waited on for ever.
   */
  public static void stop(Process process, Duration grace) {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
