package cn.shishi.console.filing;

import cn.shishi.catalog.Region;
import java.util.List;

/**
 * One choice of the region list: its 6-digit reporting code, its name, its parent's code (empty for
 * a province) and its depth (0 province, 1 city, 2 county). The page's script turns the list into a
 * cascade of provinces, cities and counties; without the script it is one indented list.
 */
public record RegionOption(String code, String name, String parent, int depth, String indent) {

  public static List<RegionOption> of(List<Region> regions) {
    int top = regions.stream().mapToInt(r -> r.level().ordinal()).min().orElse(0);
    return regions.stream().map(r -> of(r, top)).toList();
  }

  private static RegionOption of(Region region, int top) {
    int depth = region.level().ordinal();
    return new RegionOption(
        region.fullCode(),
        region.name(),
        region.parentCode() == null ? "" : (region.parentCode() + "000000").substring(0, 6),
        depth,
        "\u3000".repeat(depth - top));
  }
}
