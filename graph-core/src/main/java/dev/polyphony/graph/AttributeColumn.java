package dev.polyphony.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One typed, nullable node attribute column. INT and DATE values (epoch days) and STRING codes live in
 * an int array, FLOAT values in a float array; a bit set marks which rows hold a value. STRING values
 * are dictionary-encoded, which keeps columns such as genre small.
 */
public final class AttributeColumn {
  private final String name;
  private final AttributeKind kind;
  private final int size;
  private final BitSet present;
  private final int[] ints;
  private final float[] floats;
  private final List<String> dictionary;

  /** Takes ownership of the arrays; {@code ints} or {@code floats} is null according to {@code kind}. */
  public AttributeColumn(String name, AttributeKind kind, int size, BitSet present, int[] ints,
      float[] floats, List<String> dictionary) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.size = size;
    this.present = present;
    boolean floatKind = kind == AttributeKind.FLOAT;
    if (floatKind ? floats == null || floats.length != size : ints == null || ints.length != size) {
      throw new IllegalArgumentException("column '" + name + "' of kind " + kind + " needs " + size + " values");
    }
    this.ints = ints;
    this.floats = floats;
    this.dictionary = kind == AttributeKind.STRING ? List.copyOf(dictionary) : List.of();
  }

  public String name() {
    return name;
  }

  public AttributeKind kind() {
    return kind;
  }

  public int size() {
    return size;
  }

  public boolean isPresent(int row) {
    return present.get(row);
  }

  public boolean isNull(int row) {
    return !present.get(row);
  }

  /** Number of rows holding a value. */
  public int presentCount() {
    return present.cardinality();
  }

  public int getInt(int row) {
    requireKind(AttributeKind.INT);
    return valueInt(row);
  }

  public float getFloat(int row) {
    if (kind == AttributeKind.INT) {
      return valueInt(row);
    }
    requireKind(AttributeKind.FLOAT);
    requirePresent(row);
    return floats[row];
  }

  public String getString(int row) {
    requireKind(AttributeKind.STRING);
    return present.get(row) ? dictionary.get(ints[row]) : null;
  }

  /** The dictionary code of a STRING value (index into {@link #dictionary()}), or -1 when null. */
  public int getCode(int row) {
    requireKind(AttributeKind.STRING);
    return present.get(row) ? ints[row] : -1;
  }

  public List<String> dictionary() {
    return dictionary;
  }

  public long getEpochDay(int row) {
    requireKind(AttributeKind.DATE);
    return valueInt(row);
  }

  public LocalDate getDate(int row) {
    requireKind(AttributeKind.DATE);
    return present.get(row) ? LocalDate.ofEpochDay(ints[row]) : null;
  }

  /** The value as an object (Integer, Float, String or LocalDate), or null. */
  public Object get(int row) {
    if (!present.get(row)) {
      return null;
    }
    return switch (kind) {
      case INT -> ints[row];
      case FLOAT -> floats[row];
      case STRING -> dictionary.get(ints[row]);
      case DATE -> LocalDate.ofEpochDay(ints[row]);
    };
  }

  /** The raw int storage (values, codes or epoch days; nulls hold 0), for serialisation. */
  public int[] copyInts() {
    return ints == null ? null : ints.clone();
  }

  public float[] copyFloats() {
    return floats == null ? null : floats.clone();
  }

  public BitSet copyPresence() {
    return (BitSet) present.clone();
  }

  public long bytes() {
    long values = 4L * size;
    long dict = 0;
    for (String s : dictionary) {
      dict += 48 + s.length();
    }
    return values + size / 8 + 16 + dict;
  }

  private int valueInt(int row) {
    requirePresent(row);
    return ints[row];
  }

  private void requirePresent(int row) {
    if (!present.get(row)) {
      throw new IllegalStateException("attribute '" + name + "' is null at row " + row);
    }
  }

  private void requireKind(AttributeKind expected) {
    if (kind != expected) {
      throw new IllegalStateException("attribute '" + name + "' is " + kind + ", not " + expected);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeColumn other
        && name.equals(other.name) && kind == other.kind && size == other.size
        && present.equals(other.present) && Arrays.equals(ints, other.ints)
        && Arrays.equals(floats, other.floats) && dictionary.equals(other.dictionary);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, size, present);
  }

  /** Grows as rows are set; unset rows are null. */
  public static final class Builder {
    private final String name;
    private final AttributeKind kind;
    private final BitSet present = new BitSet();
    private int[] ints = new int[16];
    private float[] floats = new float[16];
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> dictionary = new ArrayList<>();

    public Builder(String name, AttributeKind kind) {
      this.name = Objects.requireNonNull(name, "name");
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String name() {
      return name;
    }

    public AttributeKind kind() {
      return kind;
    }

    public Builder setInt(int row, int value) {
      requireKind(AttributeKind.INT);
      ensure(row);
      ints[row] = value;
      present.set(row);
      return this;
    }

    public Builder setFloat(int row, float value) {
      requireKind(AttributeKind.FLOAT);
      ensure(row);
      floats[row] = value;
      present.set(row);
      return this;
    }

    public Builder setString(int row, String value) {
      requireKind(AttributeKind.STRING);
      if (value == null) {
        clear(row);
        return this;
      }
      ensure(row);
      ints[row] = codes.computeIfAbsent(value, v -> {
        dictionary.add(v);
        return dictionary.size() - 1;
      });
      present.set(row);
      return this;
    }

    public Builder setDate(int row, LocalDate value) {
      requireKind(AttributeKind.DATE);
      if (value == null) {
        clear(row);
        return this;
      }
      ensure(row);
      ints[row] = Math.toIntExact(value.toEpochDay());
      present.set(row);
      return this;
    }

    /** Sets a value of this column's kind from an object (Integer, Float, String or LocalDate). */
    public Builder set(int row, Object value) {
      if (value == null) {
        return clear(row);
      }
      return switch (kind) {
        case INT -> setInt(row, ((Number) value).intValue());
        case FLOAT -> setFloat(row, ((Number) value).floatValue());
        case STRING -> setString(row, (String) value);
        case DATE -> setDate(row, (LocalDate) value);
      };
    }

    public Builder clear(int row) {
      present.clear(row);
      return this;
    }

    public boolean isPresent(int row) {
      return present.get(row);
    }

    /** The value set at {@code row} as an object, or null. */
    public Object get(int row) {
      if (!present.get(row)) {
        return null;
      }
      return switch (kind) {
        case INT -> ints[row];
        case FLOAT -> floats[row];
        case STRING -> dictionary.get(ints[row]);
        case DATE -> LocalDate.ofEpochDay(ints[row]);
      };
    }

    /** The column over rows {@code [0, rows)}. */
    public AttributeColumn build(int rows) {
      if (present.length() > rows) {
        throw new IllegalStateException("attribute '" + name + "' has a value at row "
            + (present.length() - 1) + " beyond " + rows + " rows");
      }
      boolean floatKind = kind == AttributeKind.FLOAT;
      return new AttributeColumn(name, kind, rows, (BitSet) present.clone(),
          floatKind ? null : Arrays.copyOf(ints, rows), floatKind ? Arrays.copyOf(floats, rows) : null,
          dictionary);
    }

    private void ensure(int row) {
      if (row < 0) {
        throw new IndexOutOfBoundsException("row " + row);
      }
      if (kind == AttributeKind.FLOAT) {
        if (row >= floats.length) {
          floats = Arrays.copyOf(floats, Math.max(row + 1, floats.length * 2));
        }
      } else if (row >= ints.length) {
        ints = Arrays.copyOf(ints, Math.max(row + 1, ints.length * 2));
      }
    }

    private void requireKind(AttributeKind expected) {
      if (kind != expected) {
        throw new IllegalStateException("attribute '" + name + "' is " + kind + ", not " + expected);
      }
    }
  }
}
