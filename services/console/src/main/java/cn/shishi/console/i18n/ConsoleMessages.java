package cn.shishi.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text the console shows, by key: Simplified Chinese in {@code messages/msg.properties} (the
 * default), English in {@code messages/msg_en.properties}. Quarkus checks at build time that each
 * has a text in both and that the templates use only these.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface ConsoleMessages {
  @Message
  String app_name();

  @Message
  String skip_to_content();

  @Message
  String nav_label();

  @Message
  String nav_file();

  @Message
  String nav_upload();

  @Message
  String nav_mine();

  @Message
  String switch_language();

  @Message
  String signed_in_as();

  @Message
  String sign_out();

  @Message
  String signin_title();

  @Message
  String signin_dev_notice();

  @Message
  String signin_subject();

  @Message
  String signin_office();

  @Message
  String signin_office_hint();

  @Message
  String signin_region();

  @Message
  String signin_region_hint();

  @Message
  String signin_role();

  @Message
  String role_office();

  @Message
  String role_manager();

  @Message
  String signin_submit();

  @Message
  String signin_invalid();

  @Message
  String form_title();

  @Message
  String correct_title();

  @Message
  String correct_notice(Object id);

  @Message
  String correct_submit();

  @Message
  String correct_not_possible(Object id);

  @Message
  String field_region();

  @Message
  String cascade_labels();

  @Message
  String own_level();

  @Message
  String field_program();

  @Message
  String field_task_type();

  @Message
  String field_quantity();

  @Message
  String field_beneficiaries();

  @Message
  String field_completed_on();

  @Message
  String field_completed_time();

  @Message
  String field_note();

  @Message
  String choose();

  @Message
  String form_submit();

  @Message
  String submitting();

  @Message
  String form_has_errors(int count);

  @Message
  String error_whole_number();

  @Message
  String error_date();

  @Message
  String error_date_required();

  @Message
  String error_time();

  @Message
  String busy_try_again();

  @Message
  String filed_refreshing();

  @Message
  String filed_title();

  @Message
  String report_id();

  @Message
  String file_another();

  @Message
  String status_accepted();

  @Message
  String status_counted();

  @Message
  String status_withdrawn();

  @Message
  String status_dead_lettered();

  @Message
  String status_unknown();

  @Message
  String status_unknown_text();

  @Message
  String mine_title();

  @Message
  String filters();

  @Message
  String all();

  @Message
  String filter_from();

  @Message
  String filter_to();

  @Message
  String filter_apply();

  @Message
  String filter_clear();

  @Message
  String lookup_label();

  @Message
  String lookup_submit();

  @Message
  String lookup_invalid();

  @Message
  String mine_list();

  @Message
  String mine_none();

  @Message
  String col_completed();

  @Message
  String col_region();

  @Message
  String col_program();

  @Message
  String col_task_type();

  @Message
  String col_quantity();

  @Message
  String col_beneficiaries();

  @Message
  String col_status();

  @Message
  String col_actions();

  @Message
  String col_month();

  @Message
  String col_reports();

  @Message
  String col_row();

  @Message
  String col_column();

  @Message
  String col_problem();

  @Message
  String details();

  @Message
  String correct();

  @Message
  String withdraw();

  @Message
  String withdraw_reason();

  @Message
  String withdraw_confirm();

  @Message
  String withdraw_refused(String reason);

  @Message
  String withdrawal_default_reason();

  @Message
  String withdrawal_sent(Object id);

  @Message
  String paging();

  @Message
  String page_first();

  @Message
  String page_next();

  @Message
  String months_title();

  @Message
  String months_none();

  @Message
  String report_title();

  @Message
  String duplicates();

  @Message
  String duplicates_text(int count);

  @Message
  String rejections_title();

  @Message
  String back_to_list();

  @Message
  String account_incomplete_title();

  @Message
  String account_incomplete_text();

  @Message
  String read_only_title();

  @Message
  String read_only_text();

  @Message
  String unavailable_title();

  @Message
  String unavailable_text();

  @Message
  String try_again();

  @Message
  String upload_title();

  @Message
  String upload_step_template();

  @Message
  String upload_template_link();

  @Message
  String upload_step_fill(int maxRows);

  @Message
  String upload_step_upload(long maxMegabytes);

  @Message
  String upload_choose();

  @Message
  String upload_check_button();

  @Message
  String checking();

  @Message
  String upload_errors_title(int count, int rows);

  @Message
  String upload_errors_more(int count);

  @Message
  String upload_gone();

  @Message
  String upload_errors_text();

  @Message
  String upload_ready_title(int rows);

  @Message
  String upload_file_button(int rows);

  @Message
  String upload_refused_empty();

  @Message
  String upload_refused_too_large(long megabytes);

  @Message
  String upload_unknown_code(String code);

  @Message
  String upload_refused_not_spreadsheet();

  @Message
  String upload_refused_old_excel();

  @Message
  String upload_refused_zip_bomb();

  @Message
  String upload_refused_formulas(String cells);

  @Message
  String upload_refused_too_many_rows(String max);

  @Message
  String upload_refused_missing_columns(String columns);

  @Message
  String upload_refused_not_text();

  @Message
  String template_help_1();

  @Message
  String template_help_2();

  @Message
  String template_help_3(int maxRows);

  @Message
  String template_help_4();

  @Message
  String template_help_5();

  @Message
  String progress_title();

  @Message
  String progress_label(int filed, int total);

  @Message
  String progress_running();

  @Message
  String progress_done(int total, long millis);

  @Message
  String progress_failed(int filed, String problem);

  @Message
  String progress_not_started();
}
