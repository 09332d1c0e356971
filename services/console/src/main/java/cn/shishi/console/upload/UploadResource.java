package cn.shishi.console.upload;

import cn.shishi.console.ConsoleConfig;
import cn.shishi.console.pages.Pages;
import cn.shishi.console.session.Person;
import cn.shishi.console.session.Sessions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Uploading a spreadsheet: the template, the check of every row, and filing what passed. */
@Path("/uploads")
public class UploadResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Sessions sessions;
  private final Pages pages;
  private final UploadService uploads;
  private final ConsoleConfig.Upload config;
  private final Template upload;
  private final Template progress;

  public UploadResource(
      Sessions sessions,
      Pages pages,
      UploadService uploads,
      ConsoleConfig config,
      @Location("upload") Template upload,
      @Location("progress") Template progress) {
    this.sessions = sessions;
    this.pages = pages;
    this.uploads = uploads;
    this.config = config.upload();
    this.upload = upload;
    this.progress = progress;
  }

  @GET
  @Path("/new")
  public TemplateInstance form() {
    return page(sessions.filer(), null);
  }

  @GET
  @Path("/template.xlsx")
  @Produces(XLSX)
  public Response template() {
    Person person = sessions.filer();
    byte[] workbook = uploads.template(person, pages.messages());
    return Response.ok(workbook)
        .header(
            "Content-Disposition",
            "attachment; filename=\"shishi-template.xlsx\"; filename*=UTF-8''%E5%AE%9E%E4%BA%8B%E6%8A%A5%E5%91%8A%E6%A8%A1%E6%9D%BF.xlsx")
        .build();
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response check(@RestForm("file") FileUpload file) {
    Person person = sessions.filer();
    UploadService.Result result = uploads.check(person, pages.locale(), pages.messages(), file);
    if (result.upload() == null) {
      return Response.status(422).entity(page(person, result)).build();
    }
    return Response.ok(page(person, result)).build();
  }

  @POST
  @Path("/{id}/filing")
  public Response file(@RestPath UUID id) {
    Person person = sessions.filer();
    Optional<Upload> held = uploads.find(id, person);
    if (held.isEmpty()) {
      return gone(person);
    }
    uploads.file(held.get(), person, pages.locale(), pages.messages());
    return Response.seeOther(URI.create("/uploads/" + id)).build();
  }

  @GET
  @Path("/{id}")
  public Response progress(@RestPath UUID id) {
    Person person = sessions.filer();
    Optional<Upload> held = uploads.find(id, person);
    if (held.isEmpty()) {
      return gone(person);
    }
    return Response.ok(pages.render(progress.data("upload", held.get()), person, "upload")).build();
  }

  /** Another office's upload, or one no longer held: the same answer, upload it again. */
  private Response gone(Person person) {
    return Response.status(Response.Status.NOT_FOUND)
        .entity(page(person, UploadService.Result.refused(pages.messages().upload_gone())))
        .build();
  }

  private TemplateInstance page(Person person, UploadService.Result result) {
    return pages.render(
        upload
            .data("result", result)
            .data("maxRows", config.maxRows())
            .data("maxBytes", config.maxBytes())
            .data("maxMegabytes", config.maxBytes() / (1024 * 1024)),
        person,
        "upload");
  }
}
