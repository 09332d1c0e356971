package cn.shishi.ingest.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task awaited under the deadline: its value if done in time, nothing once the deadline passed.
 */
class DeadlineTest {

  @Test
  @Timeout(10) // a wait that ignored the deadline would never end
  void aTaskNotDoneByTheDeadlineIsGivenUpOn() throws Exception {
    CompletableFuture<Integer> never = new CompletableFuture<>();

    assertThat(Deadline.after(Duration.ofMillis(50)).await(never)).isEmpty();
    assertThat(Deadline.after(Duration.ZERO).await(never)).isEmpty();
    assertThat(never).as("left running, not cancelled").isNotDone();
  }

  @Test
  void aTaskDoneInTimeGivesItsValueOrItsFailure() throws Exception {
    Deadline later = Deadline.after(Duration.ofSeconds(30));

    assertThat(later.await(CompletableFuture.completedFuture(12))).contains(12);
    assertThat(Deadline.after(Duration.ZERO).await(CompletableFuture.completedFuture(12)))
        .as("done, though the deadline has passed")
        .contains(12);
    assertThatThrownBy(
            () -> later.await(CompletableFuture.failedFuture(new IllegalStateException("away"))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
  }
}
