package cn.shishi.aggregator.export;

import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Ledger exports for auditors, scoped by their region claim. */
@Tag(name = "Audit · 审计")
@Path("/api/v1/exports/{kind}")
@RolesAllowed("auditor")
public class ExportResource {
  private final ExportService exports;
  private final JsonWebToken token;

  public ExportResource(ExportService exports, JsonWebToken token) {
    this.exports = exports;
    this.token = token;
  }

  @Operation(summary = "Export the ledger with a manifest · 导出台账及清单")
  @GET
  @Produces("application/zip")
  public Response export(
      @RestPath String kind,
      @RestQuery String format,
      @RestQuery String region,
      @RestQuery String from,
      @RestQuery String to) {
    ExportService.Request request = exports.check(kind, format, region, from, to, Caller.of(token));
    StreamingOutput body = out -> exports.write(request, out);
    return Response.ok(body)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + request.fileName() + ".zip\"")
        .build();
  }
}
