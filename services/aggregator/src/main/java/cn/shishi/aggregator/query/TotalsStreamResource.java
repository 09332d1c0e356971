package cn.shishi.aggregator.rest;

import cn.shishi.aggregator.domain.TotalsChanges;
import cn.shishi.aggregator.domain.TotalsQuery;
import cn.shishi.aggregator.persistence.TotalsRepository;
import cn.shishi.web.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
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
 * Live totals as Server-Sent Events: the current page at once ({@code event: totals}), the page
 * again whenever a committed batch changes a cell the query reads (at most every 250 ms), and a
 * comment every 15 s so that proxies keep the connection open.
 */
@Path("/api/v1/totals/stream")
@RolesAllowed({"manager", "auditor"})
public class TotalsStreamResource {
  static final Duration COALESCE = Duration.ofMillis(250);
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final TotalsRepository totals;
  private final TotalsMapper mapper;
  private final TotalsChanges changes;
  private final JsonWebToken token;

  public TotalsStreamResource(
      TotalsRepository totals, TotalsMapper mapper, TotalsChanges changes, JsonWebToken token) {
    this.totals = totals;
    this.mapper = mapper;
    this.changes = changes;
    this.token = token;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Multi<OutboundSseEvent> stream(@BeanParam TotalsParams params, @Context Sse sse) {
    TotalsQuery query = params.toQuery(Caller.of(token));
    Multi<OutboundSseEvent> updates =
        changes.stream()
            .group()
            .intoLists()
            .every(COALESCE)
            .filter(
                batches -> batches.stream().anyMatch(cells -> TotalsChanges.concerns(query, cells)))
            .onItem()
            .transformToUniAndConcatenate(any -> page(query))
            .onItem()
            .transform(page -> totalsEvent(sse, page));
    Multi<OutboundSseEvent> first = page(query).toMulti().map(page -> totalsEvent(sse, page));
    Multi<OutboundSseEvent> heartbeats =
        Multi.createFrom()
            .ticks()
            .every(HEARTBEAT)
            .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
    return Multi.createBy()
        .merging()
        .streams(Multi.createBy().concatenating().streams(first, updates), heartbeats);
  }

  /** Reads the page on a worker thread: the query blocks on JDBC. */
  private Uni<TotalsPage> page(TotalsQuery query) {
    return Uni.createFrom()
        .item(() -> mapper.toPage(query, totals.find(query), totals.asOf()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }

  private static OutboundSseEvent totalsEvent(Sse sse, TotalsPage page) {
    return sse.newEventBuilder()
        .name("totals")
        .mediaType(MediaType.APPLICATION_JSON_TYPE)
        .data(TotalsPage.class, page)
        .build();
  }
}
