package cn.shishi.aggregator.query;

/** A caller (or this instance) has as many open streams of totals as it may (429). */
public class TooManyStreams extends RuntimeException {
  TooManyStreams(String message) {
    super(message);
  }
}
