package dev.polyphony.graph;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps external string ids of one node type to dense ints {@code 0..size()-1} in order of first
 * appearance, and back. Immutable; build one with {@link Builder}.
 */
public final class IdMap {
  private final String[] ids;
  private final Object2IntOpenHashMap<String> index;

  private IdMap(String[] ids, Object2IntOpenHashMap<String> index) {
    this.ids = ids;
    this.index = index;
  }

  /** An id map over {@code ids} in the given order; throws on a repeated id. */
  public static IdMap of(List<String> ids) {
    Builder b = new Builder(ids.size());
    for (String id : ids) {
      int expected = b.size();
      if (b.getOrAdd(id) != expected) {
        throw new IllegalArgumentException("duplicate id '" + id + "'");
      }
    }
    return b.build();
  }

  public int size() {
    return ids.length;
  }

  /** The dense index of {@code externalId}, or -1 when unknown. */
  public int indexOf(String externalId) {
    return index.getInt(externalId);
  }

  public boolean contains(String externalId) {
    return index.containsKey(externalId);
  }

  /** The external id of dense index {@code i}. */
  public String externalId(int i) {
    return ids[i];
  }

  /** All external ids in dense-index order (a copy). */
  public List<String> externalIds() {
    return List.of(ids);
  }

  /** Approximate heap bytes: the strings, the array and the hash table. */
  public long bytes() {
    long strings = 0;
    for (String s : ids) {
      strings += 40 + s.length();
    }
    return strings + 8L * ids.length + 12L * index.size() * 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdMap other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  /** Assigns dense indexes in order of first appearance. */
  public static final class Builder {
    private final List<String> ids;
    private final Object2IntOpenHashMap<String> index;

    public Builder() {
      this(16);
    }

    public Builder(int expected) {
      ids = new ArrayList<>(expected);
      index = new Object2IntOpenHashMap<>(expected);
      index.defaultReturnValue(-1);
    }

    /** The index of {@code externalId}, adding it when new. */
    public int getOrAdd(String externalId) {
      if (externalId == null || externalId.isEmpty()) {
        throw new IllegalArgumentException("node id must be non-empty");
      }
      int i = index.getInt(externalId);
      if (i >= 0) {
        return i;
      }
      i = ids.size();
      ids.add(externalId);
      index.put(externalId, i);
      return i;
    }

    /** The index of {@code externalId}, or -1 when not added yet. */
    public int indexOf(String externalId) {
      return index.getInt(externalId);
    }

    public boolean contains(String externalId) {
      return index.containsKey(externalId);
    }

    public int size() {
      return ids.size();
    }

    public IdMap build() {
      index.trim();
      return new IdMap(ids.toArray(new String[0]), index);
    }
  }
}
