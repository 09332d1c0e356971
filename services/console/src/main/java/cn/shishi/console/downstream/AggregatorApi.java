package cn.shishi.console.downstream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The aggregator's office-scoped API (docs/api.md): an office reads its own reports only. */
@RegisterRestClient(configKey = "aggregator")
@Path("/api/v1/office")
@Produces(MediaType.APPLICATION_JSON)
public interface AggregatorApi {

  @GET
  @Path("/reports")
  Response reports(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @QueryParam("program") String program,
      @QueryParam("taskType") String taskType,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") String before,
      @QueryParam("limit") Integer limit);

  @GET
  @Path("/reports/{reportId}")
  Response report(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @PathParam("reportId") UUID reportId);

  @GET
  @Path("/totals")
  Response totals(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @QueryParam("program") String program,
      @QueryParam("taskType") String taskType,
      @QueryParam("from") String from,
      @QueryParam("to") String to);
}
