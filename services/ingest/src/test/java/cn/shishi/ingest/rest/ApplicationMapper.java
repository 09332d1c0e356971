package cn.shishi.ingest.rest;

import cn.shishi.ingest.config.StrictJsonCustomizer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An imitation of the mapper Quarkus builds for the application, for tests without Quarkus: the
 * modules found on the class path, then the strict customizer, which Quarkus applies last. {@code
 * ReportBatchDecoderAppTest} checks the decoder against the real one.
 */
final class ApplicationMapper {
  private ApplicationMapper() {}

  static ObjectMapper create() {
    ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    new StrictJsonCustomizer().customize(mapper);
    return mapper;
  }

  static ObjectMapper withLimits(StreamReadConstraints limits) {
    ObjectMapper mapper = create();
    mapper.getFactory().setStreamReadConstraints(limits);
    return mapper;
  }
}
