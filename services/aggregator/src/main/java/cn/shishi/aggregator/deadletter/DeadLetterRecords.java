package cn.shishi.aggregator.deadletter;

import cn.shishi.contract.EventHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The Kafka records a stored dead letter becomes. */
final class DeadLetterRecords {
  private DeadLetterRecords() {}

  /**
   * Its copy for the dead-letter topic: the record unchanged, key, value and headers, with why and
   * where it was read in three more headers.
   */
  static ProducerRecord<byte[], byte[]> copy(StoredDeadLetter letter, String deadLetterTopic) {
    RecordHeaders headers = original(letter, null);
    headers.add(EventHeaders.DEAD_LETTER_REASON, utf8(letter.reason()));
    headers.add(EventHeaders.DEAD_LETTER_DETAIL, utf8(String.valueOf(letter.detail())));
    headers.add(
        EventHeaders.DEAD_LETTER_ORIGIN,
        utf8(letter.topic() + "/" + letter.partition() + "/" + letter.offset()));
    return new ProducerRecord<>(deadLetterTopic, null, letter.key(), letter.payload(), headers);
  }

  /**
   * The record sent back to {@code topic}: its key, value and headers as kept ({@code value} and
   * {@code key} replaced when corrected), and the dead letter it came from.
   */
  static ProducerRecord<byte[], byte[]> redrive(
      StoredDeadLetter letter, String topic, byte[] key, byte[] value) {
    RecordHeaders headers = original(letter, EventHeaders.REDRIVE_OF);
    headers.add(EventHeaders.REDRIVE_OF, utf8(Long.toString(letter.id())));
    return new ProducerRecord<>(topic, null, key, value, headers);
  }

  /** The record's own headers, but {@code leaveOut}. */
  private static RecordHeaders original(StoredDeadLetter letter, String leaveOut) {
    RecordHeaders headers = new RecordHeaders();
    for (StoredDeadLetter.Header header : letter.headers()) {
      String name = new String(header.name(), StandardCharsets.UTF_8);
      if (!name.equals(leaveOut)) {
        headers.add(name, header.value());
      }
    }
    return headers;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
