package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.train.EpochStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
  @TempDir
  Path dir;

  private static EpochStats epoch(int epoch, double validation, double contentLoss) {
    Map<String, Double> losses = new LinkedHashMap<>();
    losses.put("organisational", 0.9);
    losses.put("content", contentLoss);
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("organisational", 1.0);
    weights.put("content", 0.5);
    return new EpochStats(epoch, 55, 1.23, losses, weights, 0.001, validation, 12.3456);
  }

  @Test
  void oneCompactObjectPerEpoch() {
    assertThat(MetricsLog.line(epoch(1, Double.NaN, 0.33), null)).isEqualTo("{\"epoch\":1,\"seconds\":12.346,"
        + "\"steps\":55,\"learningRate\":0.001,\"loss\":{\"total\":1.23,\"content\":0.33,\"organisational\":0.9},"
        + "\"taskWeights\":{\"content\":0.5,\"organisational\":1.0},\"validation\":{}}");
    assertThat(MetricsLog.line(epoch(2, 0.25, 0.5), "validation recall@50")).isEqualTo("{\"epoch\":2,"
        + "\"seconds\":12.346,\"steps\":55,\"learningRate\":0.001,\"loss\":{\"total\":1.23,\"content\":0.5,"
        + "\"organisational\":0.9},\"taskWeights\":{\"content\":0.5,\"organisational\":1.0},"
        + "\"validation\":{\"validation recall@50\":0.25}}");
  }

  @Test
  void theFileHoldsTheWholeHistory() throws Exception {
    Path file = dir.resolve("metrics.jsonl");
    Files.writeString(file, "stale\n");
    MetricsLog log = new MetricsLog(file, null, List.of(epoch(1, Double.NaN, 0.3)));
    assertThat(Files.readAllLines(file)).containsExactly(MetricsLog.line(epoch(1, Double.NaN, 0.3), null));
    log.append(epoch(2, Double.NaN, 0.2));
    assertThat(Files.readAllLines(file)).containsExactly(MetricsLog.line(epoch(1, Double.NaN, 0.3), null),
        MetricsLog.line(epoch(2, Double.NaN, 0.2), null));
  }
}
