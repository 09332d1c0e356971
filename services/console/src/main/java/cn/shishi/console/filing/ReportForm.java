package cn.shishi.console.filing;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The report form as it was posted (every field as text: what a person typed is shown back to them
 * as typed when something is wrong). {@code reportId} is made when the form is first shown, so a
 * double click, a refresh or a resubmission files the same report, counted once.
 */
public class ReportForm {
  @RestForm public String reportId;
  @RestForm public String corrects;
  @RestForm public String regionCode;
  @RestForm public String program;
  @RestForm public String taskType;
  @RestForm public String quantity;
  @RestForm public String beneficiaries;
  @RestForm public String completedOn;
  @RestForm public String completedTime;
  @RestForm public String note;

  public ReportForm() {}

  /** A blank form with a new report id, completed today and now (China's time). */
  public static ReportForm blank(java.time.Clock clock) {
    ReportForm form = new ReportForm();
    java.time.ZonedDateTime now =
        java.time.ZonedDateTime.now(
            clock.withZone(cn.shishi.contract.report.ReportValidator.CHINA));
    form.reportId = java.util.UUID.randomUUID().toString();
    form.quantity = "1";
    form.beneficiaries = "0";
    form.completedOn = now.toLocalDate().toString();
    form.completedTime = String.format("%02d:%02d", now.getHour(), now.getMinute());
    return form;
  }
}
