package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {
  private final Regions regions = Regions.load();

  @Test
  void loadsEveryLevelIncludingTheProvincesTheSourceLeavesOut() {
    assertThat(regions.find("33")).get().extracting(Region::name).isEqualTo("浙江省");
    assertThat(regions.find("3304")).get().extracting(Region::name).isEqualTo("嘉兴市");
    assertThat(regions.find("330281")).get().extracting(Region::parentCode).isEqualTo("3302");
    assertThat(regions.find("81")).get().extracting(Region::name).isEqualTo("香港特别行政区");
    assertThat(regions.children("")).hasSize(34);
  }

  @Test
  void resolvesSixDigitReportingCodesAtEachLevel() {
    assertThat(regions.resolve("330281"))
        .get()
        .extracting(Region::level)
        .isEqualTo(RegionLevel.COUNTY);
    assertThat(regions.resolve("330400")).get().extracting(Region::code).isEqualTo("3304");
    assertThat(regions.resolve("330000")).get().extracting(Region::code).isEqualTo("33");
    assertThat(regions.resolve("339999")).isEmpty();
    assertThat(regions.resolve("3304")).isEmpty();
    assertThat(regions.resolve("33040a")).isEmpty();
  }

  @Test
  void namesOwnLevelCells() {
    assertThat(regions.nameOf("330400")).isEqualTo("嘉兴市（本级）");
    assertThat(regions.nameOf("3300")).isEqualTo("浙江省（本级）");
    assertThat(regions.nameOf("330000")).isEqualTo("浙江省（本级）");
    assertThat(regions.nameOf("330402")).isEqualTo("南湖区");
  }

  @Test
  void pathPutsAReportInItsProvinceCityAndCounty() {
    assertThat(RegionPath.of("330281")).isEqualTo(new RegionPath("33", "3302", "330281"));
    assertThat(RegionPath.of("330400")).isEqualTo(new RegionPath("33", "3304", "330400"));
    assertThat(RegionPath.of("330000")).isEqualTo(new RegionPath("33", "3300", "330000"));
  }

  @Test
  void scopesNestByPrefixAndTheNationHoldsAll() {
    assertThat(Regions.within("330402", "3304")).isTrue();
    assertThat(Regions.within("330281", "3304")).isFalse();
    assertThat(Regions.within("330281", "00")).isTrue();
  }
}
