package dev.polyphony.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a partition handed to a function in batches of at most {@code size}, the function's results
 * streamed out; a partition is never held in memory whole.
 */
final class Batches<I, O> implements Iterator<O> {
  /** What is done to one batch. */
  interface Step<I, O> extends Serializable {
    List<O> apply(List<I> batch) throws Exception;
  }

  private final Iterator<I> input;
  private final int size;
  private final Step<I, O> step;
  private Iterator<O> current = Collections.emptyIterator();

  Batches(Iterator<I> input, int size, Step<I, O> step) {
    this.input = input;
    this.size = size;
    this.step = step;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && input.hasNext()) {
      List<I> batch = new ArrayList<>(size);
      while (batch.size() < size && input.hasNext()) {
        batch.add(input.next());
      }
      try {
        current = step.apply(batch).iterator();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return current.hasNext();
  }

  @Override
  public O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
