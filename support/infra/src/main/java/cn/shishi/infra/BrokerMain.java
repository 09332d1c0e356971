package cn.shishi.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker JVM. It runs {@code kafka.Kafka} and exits when its parent dies: the
 * parent holds the other end of this process's standard input, so end-of-file there means nobody
 * will ever stop the broker otherwise, and an orphaned broker would hold its ports and data.
 */
public final class BrokerMain {
  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog = new Thread(BrokerMain::exitWhenParentGone, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
  }

  private static void exitWhenParentGone() {
    InputStream in = System.in;
    try {
      while (in.read() != -1) {
        // Anything the parent writes is ignored; only the end of the stream matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same as end-of-file.
    }
    System.exit(0);
  }
}
