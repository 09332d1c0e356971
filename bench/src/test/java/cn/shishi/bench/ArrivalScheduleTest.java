package cn.shishi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  void spacesRequestsEvenlyWithoutDrift() {
    ArrivalSchedule schedule = new ArrivalSchedule(1_000, 2_000);
    assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
    assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 500_000);
    // An hour at 2,000/s lands exactly on the hour: the time is computed, never accumulated.
    assertThat(schedule.intendedNanos(7_200_000)).isEqualTo(1_000 + 3_600_000_000_000L);
  }

  @Test
  void aSenderThatStalledOwesEveryRequestDueMeanwhile() {
    ArrivalSchedule schedule = new ArrivalSchedule(0, 1_000);
    assertThat(schedule.dueBy(-1)).isZero();
    assertThat(schedule.dueBy(0)).isEqualTo(1);
    assertThat(schedule.dueBy(999_999)).isEqualTo(1);
    assertThat(schedule.dueBy(1_000_000)).isEqualTo(2);
    // Stalled for a second (a GC pause, a slow answer): a thousand requests are due, and each
    // one's latency counts from its own intended time, not from when it finally went out.
    assertThat(schedule.dueBy(1_000_000_000)).isEqualTo(1_001);
  }

  @Test
  void fractionalRatesKeepTheirAverage() {
    ArrivalSchedule schedule = new ArrivalSchedule(0, 3);
    assertThat(schedule.intendedNanos(3)).isEqualTo(1_000_000_000L);
    assertThat(schedule.dueBy(10_000_000_000L - 1)).isEqualTo(30);
  }

  @Test
  void refusesANonPositiveRate() {
    assertThatThrownBy(() -> new ArrivalSchedule(0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
