package cn.shishi.aggregator.deadletter;

import java.util.List;

/** Why a dead-letter request cannot be done; each maps to a problem answer. */
public abstract sealed class DeadLetterProblem extends RuntimeException {
  DeadLetterProblem(String message, Throwable cause) {
    super(message, cause);
  }

  /** 404: no dead letter has that id. */
  public static final class NotFound extends DeadLetterProblem {
    NotFound(long id) {
      super("no dead letter " + id, null);
    }
  }

  /** 409: it was re-driven or discarded already. */
  public static final class NotOpen extends DeadLetterProblem {
    NotOpen(StoredDeadLetter letter) {
      super(
          "dead letter "
              + letter.id()
              + " is "
              + letter.state().name().toLowerCase()
              + " (by "
              + letter.resolvedBy()
              + " at "
              + letter.resolvedAt()
              + ")",
          null);
    }
  }

  /** 409: a dead letter from before records were kept whole has nothing to re-drive. */
  public static final class NothingKept extends DeadLetterProblem {
    NothingKept(StoredDeadLetter letter) {
      super(
          "dead letter "
              + letter.id()
              + " has no record kept (it predates keeping them); its copy is in the dead-letter"
              + " topic",
          null);
    }
  }

  /** 422: the corrected payload breaks the contract, at these JSON pointers. */
  public static final class InvalidCorrection extends DeadLetterProblem {
    private final transient List<Violation> violations;

    InvalidCorrection(List<Violation> violations) {
      super(violations.size() + " problem(s) in the corrected payload", null);
      this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
      return violations;
    }
  }

  /** 503: Kafka did not take the re-driven record; nothing was decided. */
  public static final class KafkaUnavailable extends DeadLetterProblem {
    KafkaUnavailable(Throwable cause) {
      super("Kafka did not acknowledge the re-driven record; nothing changed", cause);
    }
  }

  /** One thing wrong with a corrected payload. */
  public record Violation(String pointer, String detail) {}
}
