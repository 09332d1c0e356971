package cn.shishi.aggregator.query;

import cn.shishi.web.Caller;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Live totals as Server-Sent Events ({@code event: totals}, see {@link TotalsStream}), and a
 * comment every 15 s so that proxies keep the connection open.
 */
@Path("/api/v1/totals/stream")
@RolesAllowed({"manager", "auditor"})
public class TotalsStreamResource {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final TotalsService totals;
  private final TotalsStream stream;
  private final JsonWebToken token;

  public TotalsStreamResource(TotalsService totals, TotalsStream stream, JsonWebToken token) {
    this.totals = totals;
    this.stream = stream;
    this.token = token;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@Valid @BeanParam TotalsParams params, @Context Sse sse) {
    TotalsQuery query = totals.scoped(params.toQuery(), Caller.of(token));
    Multi<OutboundSseEvent> pages =
        stream
            .pages(query)
            .map(
                page ->
                    sse.newEventBuilder()
                        .name("totals")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(TotalsPage.class, page)
                        .build());
    Multi<OutboundSseEvent> heartbeats =
        Multi.createFrom()
            .ticks()
            .every(HEARTBEAT)
            .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
    return Multi.createBy().merging().streams(pages, heartbeats);
  }
}
