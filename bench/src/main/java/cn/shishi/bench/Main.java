package cn.shishi.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/shishi load}, {@code demo} and the benchmarks' helpers. Exit codes: 0
 * done, 1 a check failed (or the run broke), 2 a usage error.
 */
@Command(name = "shishi")
public final class Main implements Callable<Integer> {
  static final int OK = 0;
  static final int CHECK_FAILED = 1;
  static final int USAGE_ERROR = 2;

  static final String USAGE =
      """
      usage: bin/shishi load [--rate 2000|max] [--duration 30s | --count N] [--batch-size 1..1000]
                             [--duplicates 0.1] [--late 0.05] [--withdrawals 0.01] [--invalid 0.01]
                             [--concurrency 4] [--connections 64] [--warmup 30s] [--warmup-reports N]
                             [--probe] [--no-check]
                             [--ingest http://127.0.0.1:8080] [--aggregator http://127.0.0.1:8081]
             bin/shishi demo
             bin/shishi audit verify [export.zip] [--jdbc-url URL --user U --password P]
             bin/shishi bench b1|b2|b3|b4|b5|b6|b7|b9""";

  private final PrintStream out;

  Main(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(commandLine(out, System.err).execute(args));
  }

  /** The whole command line; {@code out} gets the tools' output, {@code err} usage errors. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine commandLine =
        new CommandLine(new Main(out))
            .addSubcommand(new LoadCommand(out))
            .addSubcommand(new DemoCommand(out))
            .addSubcommand(new QueriesCommand(out))
            .addSubcommand(new UploadCommand(out))
            .addSubcommand(new AuditCommand(out))
            .addSubcommand(new KafkaCommands.PayloadFile(out))
            .addSubcommand(new KafkaCommands.CreateTopic(out))
            .addSubcommand(new KafkaCommands.WriteEvents(out))
            .addSubcommand(new KafkaCommands.Drain(out));
    // Registered after the subcommands: picocli hands these settings to the commands it has.
    commandLine
        .registerConverter(long.class, OptionValues::wholeNumber)
        .registerConverter(Long.class, OptionValues::wholeNumber)
        .registerConverter(int.class, OptionValues::smallWholeNumber)
        .registerConverter(Integer.class, OptionValues::smallWholeNumber)
        .registerConverter(Duration.class, OptionValues::duration)
        // The last of a repeated option wins, and an argument is never read as a file of
        // arguments (@file), as with the parser this one replaced.
        .setOverwrittenOptionsAllowed(true)
        .setExpandAtFiles(false)
        .setParameterExceptionHandler(
            (e, args) -> {
              CommandLine command = e.getCommandLine();
              if (command.getParent() == null) {
                // No command, or one that does not exist.
                out.println(USAGE);
              } else {
                err.println("shishi " + command.getCommandName() + ": " + e.getMessage());
              }
              return USAGE_ERROR;
            })
        .setExecutionExceptionHandler(
            (e, command, parseResult) -> {
              // A value only the run itself finds wrong (a rate of 0 for queries, a bad URL).
              if (e instanceof IllegalArgumentException) {
                err.println("shishi " + command.getCommandName() + ": " + e.getMessage());
                return USAGE_ERROR;
              }
              throw e;
            });
    return commandLine;
  }

  /** Without a command: the usage. */
  @Override
  public Integer call() {
    out.println(USAGE);
    return USAGE_ERROR;
  }
}
