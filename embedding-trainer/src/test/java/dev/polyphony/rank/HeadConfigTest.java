package dev.polyphony.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.rank.head.ClickedOnly;
import dev.polyphony.rank.head.Ple;
import org.junit.jupiter.api.Test;

class HeadConfigTest {
  @Test
  void labelsNameTheKindAndDistillation() {
    HeadConfig kd = HeadConfig.parse("mmoe+kd");
    assertThat(kd.kind()).isEqualTo(HeadKind.MMOE);
    assertThat(kd.distils()).isTrue();
    assertThat(kd.label()).isEqualTo("mmoe+kd");
    assertThat(HeadConfig.parse("clicked-only").architecture()).isInstanceOf(ClickedOnly.class);
    assertThat(HeadConfig.parse("ple").architecture()).isEqualTo(new Ple(2, 2, 1, 32, 16));
  }

  @Test
  void rejectsUnknownHeadsAndBadSizes() {
    assertThatThrownBy(() -> HeadConfig.parse("wide-and-deep"))
        .hasMessage("unknown head 'wide-and-deep' (expected one of shared-bottom, mmoe, ple, esmm, aitm, clicked-only)");
    assertThatThrownBy(() -> HeadConfig.defaults(HeadKind.MMOE).withWidths(0, 8))
        .hasMessage("expertDim must be > 0 (got 0)");
  }
}
