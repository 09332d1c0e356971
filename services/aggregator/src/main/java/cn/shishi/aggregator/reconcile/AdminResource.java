package cn.shishi.aggregator.reconcile;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.aggregator.config.AggregatorConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the aggregator's state. */
@Tag(name = "Administration · 管理", description = "Operations only admins may run · 仅管理员可执行的操作")
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminResource {
  private final RollupRebuild rollups;
  private final AggregatorConfig config;
  private final Clock clock;
  private final Actors actors;

  public AdminResource(RollupRebuild rollups, AggregatorConfig config, Clock clock, Actors actors) {
    this.rollups = rollups;
    this.config = config;
    this.clock = clock;
    this.actors = actors;
  }

  /** The answer to a rebuild. */
  public record Rebuilt(int cells, Instant rebuiltAt) {}

  /**
   * Recomputes every rollup cell from the ledger. Every batch waits meanwhile, of whichever
   * partition, so no batch is lost or counted twice across the rebuild. One at a time (409).
   */
  @Operation(summary = "Rebuild every rollup from the ledger · 由台账重建全部汇总")
  @POST
  @Path("/rollups/rebuild")
  public Rebuilt rebuild() {
    int cells = rollups.rebuild(config.topic(), actors.current());
    return new Rebuilt(cells, clock.instant());
  }
}
