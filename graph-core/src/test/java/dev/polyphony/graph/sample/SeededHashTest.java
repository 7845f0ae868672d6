package dev.polyphony.graph.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SeededHashTest {
  @Test
  void matchesTheReferenceXxh64OfTheEmptyInput() {
    // The published XXH64 test vector: XXH64("", 0) = 0xEF46DB3751D8E999.
    assertThat(SeededHash.ofBytes(new byte[0], 0)).isEqualTo(0xEF46DB3751D8E999L);
  }

  @Test
  void aLongHashesAsItsEightLittleEndianBytes() {
    long value = 0x0102030405060708L;
    byte[] bytes = {8, 7, 6, 5, 4, 3, 2, 1};
    assertThat(SeededHash.ofLong(value, 42)).isEqualTo(SeededHash.ofBytes(bytes, 42));
  }

  @Test
  void aPairChainsStringsThenTheSeedFromSparksStartingSeed() {
    long expected = SeededHash.ofLong(9, SeededHash.ofBytes("t1".getBytes(StandardCharsets.UTF_8),
        SeededHash.ofBytes("p0".getBytes(StandardCharsets.UTF_8), 42)));
    assertThat(SeededHash.pair("p0", "t1", 9)).isEqualTo(expected);
    assertThat(SeededHash.pair("t1", "p0", 9)).isNotEqualTo(expected);
  }
}
