package cn.shishi.console.upload;

import cn.shishi.console.i18n.ConsoleMessages;

/** Why a whole file was refused, in words for the person. */
final class Refusals {
  private Refusals() {}

  static String text(SheetRefusedException e, ConsoleMessages messages) {
    return switch (e.reason()) {
      case EMPTY -> messages.upload_refused_empty();
      case NOT_A_SPREADSHEET -> messages.upload_refused_not_spreadsheet();
      case OLD_EXCEL -> messages.upload_refused_old_excel();
      case ZIP_BOMB -> messages.upload_refused_zip_bomb();
      case FORMULAS -> messages.upload_refused_formulas(e.detail());
      case TOO_MANY_ROWS -> messages.upload_refused_too_many_rows(e.detail());
      case MISSING_COLUMNS -> messages.upload_refused_missing_columns(e.detail());
      case NOT_TEXT -> messages.upload_refused_not_text();
    };
  }
}
