package cn.shishi.ingest.messaging;

/** Kafka did not acknowledge in time: the caller must assume nothing was published. */
public class PublishFailedException extends RuntimeException {
  public PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
