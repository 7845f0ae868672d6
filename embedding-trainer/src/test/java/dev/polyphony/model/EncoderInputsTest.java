package dev.polyphony.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EncoderInputsTest {

  @Test
  void keepsTheOrderTheEncoderGaveSoGradientSumsRepeatBetweenRuns() {
    List<String> order = List.of("ids_7", "ids_2", "ids_11", "ids_5", "ids_3", "ids_9", "ids_1", "ids_4");
    Map<String, INDArray> placeholders = new LinkedHashMap<>();
    Map<String, int[]> idNodes = new LinkedHashMap<>();
    for (String name : order) {
      placeholders.put(name, Nd4j.zeros(1));
      idNodes.put(name, new int[] {order.indexOf(name)});
    }

    EncoderInputs inputs = new EncoderInputs(placeholders, idNodes);

    assertThat(inputs.placeholders().keySet()).containsExactlyElementsOf(order);
    assertThat(inputs.idNodes().keySet()).containsExactlyElementsOf(order);
  }
}
