package cn.shishi.contract;

/**
 * What a person may write in a free-text field (a note, a reason) and what an identifier may hold:
 * text that every layer below can store faithfully and show sensibly.
 *
 * <ul>
 *   <li>No control characters but line breaks and tabs: PostgreSQL refuses NUL in text, and the
 *       others are invisible or rewrite a terminal.
 *   <li>No unpaired surrogates: no encoding stores them.
 *   <li>No combining mark at the start and no run of more than 30 of them: Unicode's Stream-Safe
 *       Text Format (UAX #15) bounds such runs at 30; longer ones exist only to make text
 *       unreadable or expensive to lay out.
 * </ul>
 */
public final class PlainText {
  /** UAX #15's bound on consecutive non-starters in stream-safe text. */
  static final int MAX_COMBINING_RUN = 30;

  private PlainText() {}

  /** Whether {@code text} is free text a person may write (line breaks and tabs allowed). */
  public static boolean isPlainText(String text) {
    return check(text, true);
  }

  /** Whether {@code text} is a one-line identifier: plain text without line breaks or tabs. */
  public static boolean isPlainLine(String text) {
    return check(text, false);
  }

  /** Its length in code points, as PostgreSQL counts a UTF-8 string's characters. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  private static boolean check(String text, boolean breaksAllowed) {
    int combiningRun = 0;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (Character.isLowSurrogate(c)
          || (Character.isHighSurrogate(c)
              && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))))) {
        return false;
      }
      int codePoint = text.codePointAt(i);
      if (Character.isISOControl(codePoint) && !(breaksAllowed && isBreakOrTab(codePoint))) {
        return false;
      }
      if (isCombining(codePoint)) {
        combiningRun++;
        if (i == 0 || combiningRun > MAX_COMBINING_RUN) {
          return false;
        }
      } else {
        combiningRun = 0;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  private static boolean isBreakOrTab(int codePoint) {
    return codePoint == '\n' || codePoint == '\r' || codePoint == '\t';
  }

  private static boolean isCombining(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
