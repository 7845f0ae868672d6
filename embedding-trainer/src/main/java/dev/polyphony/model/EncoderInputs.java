package dev.polyphony.model;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The placeholder values of one encoder batch, and for every learned-vector placeholder the node whose
 * vector fills each row ({@code -1}: padding or a vector hidden by id dropout), so that the gradient with
 * respect to that placeholder can be {@link IdEmbeddings#accumulate accumulated} per node.
 */
public record EncoderInputs(Map<String, INDArray> placeholders, Map<String, int[]> idNodes) {
  public EncoderInputs {
    placeholders = Map.copyOf(placeholders);
    idNodes = Map.copyOf(idNodes);
  }
}
