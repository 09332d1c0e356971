package cn.shishi.aggregator.apply;

/**
 * Why a record was set aside, as text PostgreSQL will store: a detail often quotes the record (a
 * region code, a parser's message), and a hostile record may hold NUL or half a surrogate pair.
 */
final class Detail {
  static final int MAX_LENGTH = 2000;

  private Detail() {}

  /**
   * {@code text} with every character PostgreSQL refuses or a terminal obeys replaced, cut short.
   */
  static String storable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder storable = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    for (int i = 0; i < text.length() && storable.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      boolean pairedHigh =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pairedHigh) {
        storable.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)
          || (Character.isISOControl(c) && c != '\n' && c != '\t')) {
        storable.append('\uFFFD');
      } else {
        storable.append(c);
      }
    }
    return storable.toString();
  }
}
