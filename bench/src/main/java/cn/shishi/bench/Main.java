package cn.shishi.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of {@code bin/shishi load}, {@code demo} and the benchmarks' helpers. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (args.length == 0) {
      usage(out);
      System.exit(2);
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean ok = true;
    try {
      switch (command) {
        case "load" -> {
          Flags flags = new Flags(rest, LoadGenerator.FLAGS);
          LoadGenerator.Options options = LoadGenerator.Options.from(flags);
          try (Api api = new Api(options.ingest(), options.aggregator(), 4)) {
            ok = new LoadGenerator(options, api, out).run();
          }
        }
        case "demo" -> {
          Flags flags = new Flags(rest, Demo.FLAGS);
          try (Api api = api(flags)) {
            ok = new Demo(api, out).run();
          }
        }
        case "queries" -> {
          Flags flags = new Flags(rest, QueryBench.FLAGS);
          try (Api api = api(flags)) {
            new QueryBench(api, flags, out).run();
          }
        }
        case "payload-file" -> new KafkaBench(new Flags(rest, KafkaBench.FLAGS), out).payloadFile();
        case "create-topic" -> new KafkaBench(new Flags(rest, KafkaBench.FLAGS), out).createTopic();
        case "write-events" -> new KafkaBench(new Flags(rest, KafkaBench.FLAGS), out).writeEvents();
        case "drain" -> new KafkaBench(new Flags(rest, KafkaBench.FLAGS), out).drain();
        default -> {
          usage(out);
          System.exit(2);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("shishi " + command + ": " + e.getMessage());
      System.exit(2);
    }
    System.exit(ok ? 0 : 1);
  }

  private static Api api(Flags flags) {
    return new Api(
        flags.string("ingest", "http://127.0.0.1:8080"),
        flags.string("aggregator", "http://127.0.0.1:8081"),
        4);
  }

  private static void usage(PrintStream out) {
    out.println(
        """
        usage: bin/shishi load [--rate 2000|max] [--duration 30s | --count N] [--batch-size 1..1000]
                               [--duplicates 0.1] [--late 0.05] [--withdrawals 0.01] [--invalid 0.01]
                               [--concurrency 4] [--connections 64] [--warmup 30s] [--probe] [--no-check]
                               [--ingest http://127.0.0.1:8080] [--aggregator http://127.0.0.1:8081]
               bin/shishi demo
               bin/shishi bench b1|b2|b3|b4|b5""");
  }
}
