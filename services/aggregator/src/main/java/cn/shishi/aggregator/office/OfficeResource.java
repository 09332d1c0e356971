package cn.shishi.aggregator.office;

import cn.shishi.web.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** An office's own reports: what it filed, and what became of each. */
@Tag(name = "My office · 本单位", description = "An office's own reports and totals · 本单位提交的报告及其汇总")
@Path("/api/v1/office")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("office")
public class OfficeResource {
  private final OfficeReports reports;
  private final JsonWebToken token;

  public OfficeResource(OfficeReports reports, JsonWebToken token) {
    this.reports = reports;
    this.token = token;
  }

  @Operation(summary = "My office's reports, newest first · 本单位的报告（最新在前）")
  @GET
  @Path("/reports")
  public OfficeViews.Page list(@Valid @BeanParam OfficeParams params) {
    return reports.page(office(), params.toFilter(), params.cursor(), params.pageSize());
  }

  @Operation(summary = "What became of one of my office's reports · 本单位某份报告的处理情况")
  @GET
  @Path("/reports/{reportId}")
  public OfficeViews.Trace trace(@RestPath UUID reportId) {
    return reports.trace(office(), reportId);
  }

  @Operation(summary = "My office's counted reports by month · 本单位按月统计的报告")
  @GET
  @Path("/totals")
  public OfficeViews.Months months(@Valid @BeanParam OfficeParams params) {
    return reports.months(office(), params.toFilter());
  }

  private String office() {
    return Caller.of(token).office();
  }
}
