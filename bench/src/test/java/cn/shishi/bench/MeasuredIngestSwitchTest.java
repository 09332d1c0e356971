package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * B9's switch, through the whole {@code load} command and two stand-in ingests: the load stays on
 * the running one until the fresh one's readiness answers 200, then moves, and is measured there.
 */
class MeasuredIngestSwitchTest {
  private final StandIn running = new StandIn();
  private final StandIn fresh = new StandIn();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  // The load's own thread, interrupted after the test: a failed assertion leaves no load running
  // on.
  private final ExecutorService loadThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    loadThread.shutdownNow();
    running.server.stop(0);
    fresh.server.stop(0);
  }

  @Test
  void theLoadMovesToTheFreshIngestOnlyOnceItAnswersReady() {
    // The load's schedule starts after this, so no more than 100 a second from here are due.
    long invokedAt = System.nanoTime();
    CompletableFuture<Integer> load = CompletableFuture.supplyAsync(this::runLoad, loadThread);
    await().atMost(Duration.ofSeconds(20)).until(() -> output().contains("warm-up over"));
    int postsWhenWaiting = running.posts.size();
    // The warm-up's schedule goes on, on the running ingest, while the fresh one is not ready.
    await().atMost(Duration.ofSeconds(5)).until(() -> running.posts.size() > postsWhenWaiting + 20);
    assertThat(fresh.posts).isEmpty();

    long readyAt = System.nanoTime();
    fresh.readiness.set(200);
    // The wait keeps the warm-up's schedule: no request is sent before it is due, so none of the
    // 2 s warm-up's 200 goes out a second time.
    long due = (readyAt - invokedAt) / 10_000_000L + 1;
    assertThat(running.posts.stream().filter(at -> at < readyAt).count()).isLessThanOrEqualTo(due);
    assertThat(load).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(Main.OK);

    // The measured 2 s at 100 a second, whatever the machine's load: the schedule is exact.
    assertThat(fresh.posts).hasSize(200).allMatch(at -> at > readyAt);
    assertThat(running.posts).allMatch(at -> at < fresh.posts.get(0));
    assertThat(output()).contains("the measured ingest answered ready; the load moves to it");
  }

  private int runLoad() {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return Main.commandLine(print, print)
        .execute(
            "load",
            "--rate=100",
            "--warmup=2s",
            "--duration=4s",
            "--no-check",
            "--ingest=" + running.url(),
            "--measure-ingest=" + fresh.url(),
            "--measure-when-ready=" + fresh.url() + "/q/health/ready");
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Accepts every report (202) and notes when; its readiness answers what the test sets. */
  private static final class StandIn {
    final List<Long> posts = new CopyOnWriteArrayList<>();
    final AtomicInteger readiness = new AtomicInteger(503);
    final HttpServer server;

    StandIn() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext(
          "/api/v1/reports",
          exchange -> {
            posts.add(System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
          });
      server.createContext(
          "/q/health/ready",
          exchange -> {
            exchange.sendResponseHeaders(readiness.get(), -1);
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }
}
