package cn.shishi.catalog;

/**
 * A region of the catalogue. {@code code} is the short code of its level (2, 4 or 6 digits); {@link
 * #fullCode()} is the 6-digit form offices send ({@code 33} is {@code 330000}).
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

  public String fullCode() {
    return (code + "000000").substring(0, 6);
  }
}
