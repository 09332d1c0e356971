package cn.shishi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProvincePopulationTest {
  private final ProvincePopulation population = ProvincePopulation.load();

  @Test
  void holdsTheThirtyOneMainlandProvinces() {
    assertThat(population.provinces()).hasSize(31).contains("11", "44", "54", "65");
    assertThat(population.share("44")).isCloseTo(0.0892, within(0.001));
    assertThat(population.share("54")).isCloseTo(0.0026, within(0.001));
  }

  @Test
  void drawsProvincesInProportionToPopulation() {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> drawn = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      drawn.merge(population.draw(random), 1, Integer::sum);
    }
    assertThat(drawn).hasSize(31);
    assertThat(drawn.get("44") / 200_000.0).isCloseTo(population.share("44"), within(0.003));
  }
}
