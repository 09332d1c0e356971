package cn.shishi.ingest;

import cn.shishi.infra.ContractSamples;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Request bodies made from the event contract's sample. */
public final class Samples {
  private Samples() {}

  /** The report-filed sample as the body an office posts: without the server-owned fields. */
  public static ObjectNode reportRequest() {
    ObjectNode body = ContractSamples.reportFiled();
    body.remove("schemaVersion");
    body.remove("officeId");
    body.remove("receivedAt");
    body.remove("filedBy");
    body.put("reportId", UUID.randomUUID().toString());
    return body;
  }
}
