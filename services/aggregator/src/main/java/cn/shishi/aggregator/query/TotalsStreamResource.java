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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Live totals as Server-Sent Events ({@code event: totals}, see {@link TotalsStream}), and a
 * comment every 15 s so that proxies keep the connection open. A stream takes a seat ({@link
 * StreamSeats}: 429 when there is none) and ends when its token expires.
 */
@Tag(
    name = "Totals · 汇总",
    description = "Live totals by region, program, task type and day · 按区域、项目、任务类型和日期的实时汇总")
@Path("/api/v1/totals/stream")
@RolesAllowed({"manager", "auditor"})
public class TotalsStreamResource {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final TotalsService totals;
  private final TotalsStream stream;
  private final StreamSeats seats;
  private final JsonWebToken token;
  private final Clock clock;

  public TotalsStreamResource(
      TotalsService totals,
      TotalsStream stream,
      StreamSeats seats,
      JsonWebToken token,
      Clock clock) {
    this.totals = totals;
    this.stream = stream;
    this.seats = seats;
    this.token = token;
    this.clock = clock;
  }

  @Operation(summary = "Totals as a live stream (SSE) · 汇总实时推送（SSE）")
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@Valid @BeanParam TotalsParams params, @Context Sse sse) {
    Caller caller = Caller.of(token);
    TotalsQuery query = totals.scoped(params.toQuery(), caller);
    Duration untilExpiry =
        Duration.between(clock.instant(), Instant.ofEpochSecond(token.getExpirationTime()));
    StreamSeats.Seat seat = seats.take(caller.subject());
    Multi<OutboundSseEvent> pages =
        stream
            .pages(query, totals.timeout(caller))
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
    return Multi.createBy()
        .merging()
        .streams(pages, heartbeats)
        .select()
        .first(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry)
        .onTermination()
        .invoke(seat::release);
  }
}
