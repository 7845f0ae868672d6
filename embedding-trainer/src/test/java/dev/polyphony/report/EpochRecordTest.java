package dev.polyphony.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpochRecordTest {
  @Test
  void mapsAreCopiedInCanonicalOrder() {
    Map<String, Double> loss = new LinkedHashMap<>();
    loss.put("stylistic", 0.1);
    loss.put("content", 0.2);
    loss.put("total", 0.3);
    EpochRecord r = new EpochRecord(1, 1, 1, 0.1, loss, Map.of("b", 1.0, "a", 2.0), Map.of());
    loss.put("engagement", 9.0);

    assertThat(r.loss().keySet()).containsExactly("total", "content", "stylistic");
    assertThat(r.taskWeights().keySet()).containsExactly("a", "b");
    assertThat(r.taskLosses()).containsExactly(Map.entry("content", 0.2), Map.entry("stylistic", 0.1));
  }

  @Test
  void badValuesAreRejectedWithTheValue() {
    assertThatThrownBy(() -> new EpochRecord(0, 1, 1, 0.1, Map.of("total", 1.0), Map.of(), Map.of()))
        .hasMessage("epoch must be >= 1 (got 0)");
    assertThatThrownBy(() -> new EpochRecord(1, 1, 1, 0.1, Map.of("content", 1.0), Map.of(), Map.of()))
        .hasMessage("loss must hold 'total' (got [content])");
    assertThatThrownBy(() -> new EpochRecord(1, 1, 1, 0.1, Map.of("total", 1.0), Map.of(),
        Map.of("recall@50", Double.NaN)))
        .hasMessage("validation.recall@50 must be finite (got NaN)");
    assertThatThrownBy(() -> new EpochRecord(1, -1, 1, 0.1, Map.of("total", 1.0), Map.of(), Map.of()))
        .hasMessage("seconds must be finite and >= 0 (got -1.0)");
  }
}
