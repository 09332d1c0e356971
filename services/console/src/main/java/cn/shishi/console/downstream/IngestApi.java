package cn.shishi.console.downstream;

import cn.shishi.contract.report.ReportSubmission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The ingest's public API (docs/api.md), as the console calls it for the signed-in person. */
@RegisterRestClient(configKey = "ingest")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IngestApi {

  @POST
  @Path("/reports")
  Response file(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      ReportSubmission report);

  @POST
  @Path("/reports/batch")
  Response fileBatch(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      Batch batch);

  @POST
  @Path("/reports/{reportId}/withdrawal")
  Response withdraw(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @PathParam("reportId") UUID reportId,
      Withdrawal withdrawal);

  @GET
  @Path("/catalog/programs")
  Response programs(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  @GET
  @Path("/catalog/task-types")
  Response taskTypes(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /** The body of the batch endpoint. */
  record Batch(List<ReportSubmission> reports) {}

  /** The body of a withdrawal. */
  record Withdrawal(String reason) {}
}
