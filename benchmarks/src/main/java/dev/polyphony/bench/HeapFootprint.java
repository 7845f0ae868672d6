package dev.polyphony.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Two measures of what a data structure costs in memory. {@link #arrayBytes} sums the payload of the
 * primitive arrays it holds (what {@code CsrAdjacency.bytes()} reports for ours), by reflection; {@link
 * #retained} takes the used heap after full collections before and after building it, so it also counts
 * object headers and anything else the structure keeps. Heap deltas are exact only when nothing else
 * allocates meanwhile and the collector compacts fully: run with {@code -XX:+UseSerialGC}.
 */
final class HeapFootprint {
  private HeapFootprint() {}

  /** A built value and the heap bytes it retains. */
  record Retained<T>(T value, long bytes) {}

  /**
   * Bytes of the primitive arrays reachable from {@code root} through instance fields and object arrays,
   * each array counted once. JDK classes other than arrays are not entered (a structure's collections of
   * boxed values are not what this measures).
   */
  static long arrayBytes(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    long bytes = 0;
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (!seen.add(o)) {
        continue;
      }
      Class<?> type = o.getClass();
      if (type.isArray()) {
        Class<?> element = type.getComponentType();
        if (element.isPrimitive()) {
          bytes += (long) Array.getLength(o) * primitiveBytes(element);
        } else {
          for (Object e : (Object[]) o) {
            if (e != null) {
              todo.push(e);
            }
          }
        }
        continue;
      }
      if (isJdk(type)) {
        continue;
      }
      for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          f.setAccessible(true);
          try {
            Object value = f.get(o);
            if (value != null) {
              todo.push(value);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
          }
        }
      }
    }
    return bytes;
  }

  /** Builds a value and measures the heap it retains (see the class notes). */
  static <T> Retained<T> retained(Supplier<T> build) {
    long before = usedAfterFullGc();
    T value = build.get();
    long after = usedAfterFullGc();
    return new Retained<>(value, after - before);
  }

  private static long usedAfterFullGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static boolean isJdk(Class<?> c) {
    String name = c.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  private static int primitiveBytes(Class<?> c) {
    if (c == long.class || c == double.class) {
      return 8;
    }
    if (c == int.class || c == float.class) {
      return 4;
    }
    if (c == short.class || c == char.class) {
      return 2;
    }
    return 1;
  }
}
