package dev.polyphony.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The placeholder values of one encoder batch, and for every learned-vector placeholder the node whose
 * vector fills each row ({@code -1}: padding or a vector hidden by id dropout), so that the gradient with
 * respect to that placeholder can be {@link IdEmbeddings#accumulate accumulated} per node. Both maps keep
 * the order they are given in: gradients of one node from several blocks are summed in that order, and
 * float sums depend on it, so a run reproduces only if the order does not change between JVMs.
 */
public record EncoderInputs(Map<String, INDArray> placeholders, Map<String, int[]> idNodes) {
  public EncoderInputs {
    placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
    idNodes = Collections.unmodifiableMap(new LinkedHashMap<>(idNodes));
  }
}
