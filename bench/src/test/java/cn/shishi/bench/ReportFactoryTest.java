package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.shishi.catalog.ProvincePopulation;
import cn.shishi.catalog.Regions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFactoryTest {
  private final ProvincePopulation population = ProvincePopulation.load();
  private final ReportFactory factory = new ReportFactory(Regions.load(), population);

  @Test
  void drawsTheMainlandProvincesInProportionToTheirPopulation() {
    int draws = 1_000_000;
    Map<String, Integer> drawn = new HashMap<>();
    for (int i = 0; i < draws; i++) {
      drawn.merge(factory.randomProvince(), 1, Integer::sum);
    }
    assertThat(drawn.keySet())
        .hasSize(31)
        .containsExactlyInAnyOrderElementsOf(population.provinces())
        .doesNotContain("71", "81", "82");
    for (String province : population.provinces()) {
      double share = population.share(province);
      // Five standard deviations of the count: a correct draw fails here about once in 50,000
      // runs, a uniform one (each province 1/31) always.
      double tolerance = 5 * Math.sqrt(draws * share * (1 - share));
      assertThat((double) drawn.get(province))
          .as(province)
          .isCloseTo(draws * share, within(tolerance));
    }
  }

  @Test
  void everyProvinceDrawnHasOfficesToReportFrom() {
    for (String province : population.provinces()) {
      assertThat(factory.report(province, 0).province()).isEqualTo(province);
    }
  }
}
