package cn.shishi.contract.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A chain's head as it stood when it was published to {@code shishi-chain-heads}: after {@code
 * blocks} blocks, the partition's head was {@code head} (hex). The record's key is the partition;
 * its value this, as JSON (docs/events.md). Verification holds the chain to every anchor it reads.
 */
public record ChainAnchor(String topic, int partition, long blocks, String head, Instant at) {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  public byte[] key() {
    return Integer.toString(partition).getBytes(StandardCharsets.US_ASCII);
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an anchor is always writable", e);
    }
  }

  /** Reads an anchor; {@code IllegalArgumentException} names what is wrong with one that is not. */
  public static ChainAnchor fromJson(byte[] json) {
    try {
      ChainAnchor anchor = JSON.readValue(json, ChainAnchor.class);
      if (anchor.head() == null || anchor.blocks() < 1 || anchor.at() == null) {
        throw new IllegalArgumentException("an anchor needs blocks, head and at");
      }
      return anchor;
    } catch (IOException e) {
      throw new IllegalArgumentException("not an anchor: " + e.getMessage(), e);
    }
  }
}
