package cn.shishi.ingest.rest;

import cn.shishi.catalog.CatalogEntry;
import cn.shishi.catalog.CatalogKind;
import cn.shishi.catalog.CatalogRegistry;
import cn.shishi.catalog.Region;
import cn.shishi.catalog.Regions;
import cn.shishi.contract.PlainText;
import cn.shishi.ingest.messaging.CatalogPublisher;
import cn.shishi.web.InvalidRequestException;
import cn.shishi.web.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The codes offices must send, with their Chinese names; admins extend the lists. */
@Tag(
    name = "Catalogue · 目录",
    description = "Regions, programs and task types reports may name · 报告可使用的行政区划、项目和任务类型")
@Path("/api/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CatalogResource {
  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 500;

  /** A unit is a word of 1 to 8 letters: 户, 件, 场, 人次. */
  private static final java.util.regex.Pattern UNIT =
      java.util.regex.Pattern.compile("\\p{L}{1,8}");

  private final CatalogRegistry registry;
  private final Regions regions;
  private final CatalogPublisher publisher;
  private final JsonWebToken token;

  public CatalogResource(
      CatalogRegistry registry, Regions regions, CatalogPublisher publisher, JsonWebToken token) {
    this.registry = registry;
    this.regions = regions;
    this.publisher = publisher;
    this.token = token;
  }

  /** A region as the catalogue shows it: the 6-digit code offices send, and the name. */
  public record RegionView(String code, String shortCode, String name, String level) {}

  /** The body of a catalogue PUT. */
  public record EntryRequest(String name, String description, String unit) {}

  @Operation(summary = "List programs · 列出项目")
  @GET
  @Path("/programs")
  public List<CatalogEntry> programs() {
    return registry.list(CatalogKind.PROGRAM);
  }

  @Operation(summary = "List task types · 列出任务类型")
  @GET
  @Path("/task-types")
  public List<CatalogEntry> taskTypes() {
    return registry.list(CatalogKind.TASK_TYPE);
  }

  /** The provinces, or the children of {@code parent} (a 2- or 4-digit code). */
  @Operation(summary = "List regions under a parent · 列出下级行政区划")
  @GET
  @Path("/regions")
  public List<RegionView> regions(@RestQuery String parent) {
    if (parent != null && !parent.isEmpty() && !parent.matches("\\d{2}|\\d{4}")) {
      throw new InvalidRequestException("/parent", "catalog.parent");
    }
    return regions.children(parent).stream().map(CatalogResource::view).toList();
  }

  private static RegionView view(Region region) {
    return new RegionView(
        region.fullCode(), region.code(), region.name(), region.level().name().toLowerCase());
  }

  /** Adds a program, or renames one; every instance of both services learns it from Kafka. */
  @Operation(summary = "Add or rename a program · 新增或修改项目")
  @PUT
  @Path("/programs/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Uni<CatalogEntry> putProgram(@RestPath String code, EntryRequest request) {
    return put(CatalogKind.PROGRAM, code, request);
  }

  @Operation(summary = "Add or rename a task type · 新增或修改任务类型")
  @PUT
  @Path("/task-types/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public Uni<CatalogEntry> putTaskType(@RestPath String code, EntryRequest request) {
    return put(CatalogKind.TASK_TYPE, code, request);
  }

  /**
   * A kind of task counts in one unit for ever (ADR 0009): it needs one when added, and keeps it
   * when renamed, since the quantities already counted were counted in it. A program has none.
   */
  private void unitRule(CatalogKind kind, String code, String unit) {
    if (kind == CatalogKind.PROGRAM) {
      if (unit != null) {
        throw new InvalidRequestException("/unit", "catalog.unit.program");
      }
      return;
    }
    if (unit == null || !UNIT.matcher(unit).matches()) {
      throw new InvalidRequestException("/unit", "catalog.unit");
    }
    registry
        .find(kind, code)
        .map(CatalogEntry::unit)
        .filter(known -> known != null && !known.equals(unit))
        .ifPresent(
            known -> {
              throw new ProblemException(
                  Response.Status.CONFLICT, "unit-fixed", "catalog.unit.fixed", code, known);
            });
  }

  private Uni<CatalogEntry> put(CatalogKind kind, String code, EntryRequest request) {
    if (!CatalogEntry.isValidCode(code)) {
      throw new InvalidRequestException("/code", "catalog.code");
    }
    if (request == null
        || request.name() == null
        || request.name().isBlank()
        || PlainText.length(request.name()) > MAX_NAME
        || !PlainText.isPlainLine(request.name())) {
      throw new InvalidRequestException("/name", "catalog.name");
    }
    // Names and descriptions go to every reader of the catalogue, the aggregator's labels and the
    // log of actions among them: text PostgreSQL cannot store would stop those, not this call.
    if (request.description() != null
        && (PlainText.length(request.description()) > MAX_DESCRIPTION
            || !PlainText.isPlainText(request.description()))) {
      throw new InvalidRequestException("/description", "catalog.description");
    }
    unitRule(kind, code, request.unit());
    CatalogEntry entry =
        new CatalogEntry(code, request.name().strip(), request.description(), request.unit());
    return publisher.publish(kind, entry, token.getSubject()).replaceWith(entry);
  }
}
