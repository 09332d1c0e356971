package cn.shishi.aggregator.deadletter;

import cn.shishi.aggregator.audit.Actors;
import cn.shishi.web.PlainTextParam;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Dead letters: auditors and admins list and read them; admins re-drive them (as they were or
 * corrected) or discard them, and every decision records who took it.
 */
@Tag(
    name = "Dead letters · 死信",
    description =
        "Records the aggregator set aside, kept whole, to re-drive or discard · 汇总服务搁置的记录，完整保存，可重新投递或丢弃")
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"auditor", "admin"})
public class DeadLetterResource {
  private final DeadLetterService service;
  private final Actors actors;

  public DeadLetterResource(DeadLetterService service, Actors actors) {
    this.service = service;
    this.actors = actors;
  }

  /** The query of the list. */
  public static class ListParams {
    @RestQuery
    @Pattern(regexp = "open|redriven|discarded", message = "{shishi.param.state}")
    String state;

    @RestQuery
    @Size(max = 64)
    @PlainTextParam
    String reason;

    @RestQuery UUID reportId;

    @RestQuery
    @Min(0)
    Long after;

    @RestQuery
    @Min(1)
    @Max(1000)
    Integer limit;

    DeadLetterRepository.Filter filter() {
      return new DeadLetterRepository.Filter(
          Optional.ofNullable(state).map(s -> StoredDeadLetter.State.valueOf(s.toUpperCase())),
          Optional.ofNullable(reason),
          Optional.ofNullable(reportId),
          Optional.ofNullable(after));
    }

    int pageSize() {
      return limit == null ? 100 : limit;
    }
  }

  @Operation(summary = "List dead letters · 列出死信")
  @GET
  public DeadLetterViews.Page list(@Valid @BeanParam ListParams params) {
    List<StoredDeadLetter> rows = service.list(params.filter(), params.pageSize() + 1);
    boolean more = rows.size() > params.pageSize();
    List<StoredDeadLetter> page = rows.subList(0, Math.min(rows.size(), params.pageSize()));
    return new DeadLetterViews.Page(
        page.stream().map(DeadLetterViews::summary).toList(),
        more ? page.get(page.size() - 1).id() : null);
  }

  /**
   * The same page as CSV ({@code Accept: text/csv}): what {@code bin/shishi dead-letters} shows.
   */
  @Operation(summary = "Dead letters as CSV · 死信（CSV）")
  @GET
  @Produces("text/csv;charset=UTF-8")
  public String listCsv(@Valid @BeanParam ListParams params) {
    return DeadLetterCsv.of(service.list(params.filter(), params.pageSize()));
  }

  /** One dead letter, with its record whole. */
  @Operation(summary = "One dead letter · 查看一条死信")
  @GET
  @Path("/{id}")
  public DeadLetterViews.Letter get(@RestPath long id) {
    return DeadLetterViews.whole(service.find(id));
  }

  /** The body of a re-drive: a corrected event (omit it to send the record as it was). */
  public record RedriveRequest(JsonNode payload, @Size(max = 500) @PlainTextParam String note) {}

  @Operation(summary = "Re-drive one dead letter · 重新投递一条死信")
  @POST
  @Path("/{id}/redrive")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public DeadLetterViews.Letter redrive(@RestPath long id, @Valid RedriveRequest request) {
    Optional<String> corrected =
        Optional.ofNullable(request)
            .map(RedriveRequest::payload)
            .filter(p -> !p.isNull())
            .map(JsonNode::toString);
    String note = request == null ? null : request.note();
    return DeadLetterViews.summary(service.redrive(id, corrected, actors.current(), note));
  }

  /** The body of a re-drive by reason. */
  public record RedriveByReason(
      @NotBlank @Size(max = 64) @PlainTextParam String reason,
      @Size(max = 500) @PlainTextParam String note) {}

  /** Re-drives every open dead letter of one reason, unchanged (up to 500 a call). */
  @Operation(summary = "Re-drive dead letters by reason · 按原因批量重新投递")
  @POST
  @Path("/redrive")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public DeadLetterViews.Redriven redriveAll(@Valid RedriveByReason request) {
    List<Long> ids = new ArrayList<>();
    for (long id : service.openOfReason(request.reason())) {
      service.redrive(id, Optional.empty(), actors.current(), request.note());
      ids.add(id);
    }
    return new DeadLetterViews.Redriven(request.reason(), ids.size(), ids);
  }

  /** The body of a discard: why, which stays with the dead letter. */
  public record DiscardRequest(@NotBlank @Size(max = 500) @PlainTextParam String why) {}

  @Operation(summary = "Discard one dead letter · 丢弃一条死信")
  @POST
  @Path("/{id}/discard")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("admin")
  public DeadLetterViews.Letter discard(@RestPath long id, @Valid DiscardRequest request) {
    return DeadLetterViews.summary(service.discard(id, actors.current(), request.why()));
  }
}
