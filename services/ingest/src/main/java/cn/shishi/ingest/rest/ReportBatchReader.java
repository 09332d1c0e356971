package cn.shishi.ingest.rest;

import cn.shishi.ingest.domain.ReportBatch;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads a batch's body with {@link ReportBatchDecoder}, and answers as Quarkus's own JSON reader
 * does: no body (or only white space) is no batch, a body of the wrong shape throws the mapper's
 * exception, a malformed one a 400 wrapping it. The problem mappers in {@code shishi-web} turn
 * either into the same problem detail.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class ReportBatchReader implements MessageBodyReader<ReportBatch> {
  private final ReportBatchDecoder decoder;

  public ReportBatchReader(ReportBatchDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == ReportBatch.class;
  }

  @Override
  public ReportBatch readFrom(
      Class<ReportBatch> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    try {
      return decoder.decode(entityStream.readAllBytes());
    } catch (MismatchedInputException e) {
      if (String.valueOf(e.getMessage()).startsWith("No content")) {
        return null;
      }
      throw e;
    } catch (InvalidDefinitionException e) {
      throw e;
    } catch (StreamReadException | DatabindException | StreamConstraintsException e) {
      throw new WebApplicationException(e, Response.Status.BAD_REQUEST);
    }
  }
}
