package cn.shishi.aggregator.deadletter;

import cn.shishi.contract.report.Violation;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Why a dead-letter request cannot be done, each as its problem answer. */
public final class DeadLetterProblem {
  /** Kafka's answer is awaited again after this many seconds. */
  private static final long RETRY_AFTER_SECONDS = 5;

  private DeadLetterProblem() {}

  /** 404: no dead letter has that id. */
  public static final class NotFound extends ProblemException {
    NotFound(long id) {
      super(Response.Status.NOT_FOUND, "not-found", "deadletter.not-found", String.valueOf(id));
    }
  }

  /** 409: it was re-driven or discarded already. */
  public static final class NotOpen extends ProblemException {
    NotOpen(StoredDeadLetter letter) {
      super(
          Response.Status.CONFLICT,
          "dead-letter-resolved",
          "deadletter.not-open." + letter.state().name().toLowerCase(java.util.Locale.ROOT),
          String.valueOf(letter.id()),
          String.valueOf(letter.resolvedBy()),
          String.valueOf(letter.resolvedAt()));
    }
  }

  /** 409: a dead letter from before records were kept whole has nothing to re-drive. */
  public static final class NothingKept extends ProblemException {
    NothingKept(StoredDeadLetter letter) {
      super(
          Response.Status.CONFLICT,
          "dead-letter-resolved",
          "deadletter.nothing-kept",
          String.valueOf(letter.id()));
    }
  }

  /** 422: the corrected payload breaks the contract, at these JSON pointers. */
  public static final class InvalidCorrection extends InvalidRequestException {
    InvalidCorrection(List<Violation> violations) {
      super(
          violations.stream()
              .map(v -> new Violation("/payload" + v.pointer(), v.key(), v.args()))
              .toList());
    }
  }

  /** 503: Kafka did not take the re-driven record; nothing was decided. */
  public static final class KafkaUnavailable extends ProblemException {
    KafkaUnavailable(Throwable cause) {
      super(
          Response.Status.SERVICE_UNAVAILABLE,
          "kafka-unavailable",
          RETRY_AFTER_SECONDS,
          "deadletter.kafka-unavailable");
      initCause(cause);
    }
  }
}
