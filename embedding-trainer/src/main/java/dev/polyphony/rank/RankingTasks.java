package dev.polyphony.rank;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tasks a ranking head predicts and the funnel links between them.
 *
 * <p>Task {@code t} may name a parent: an earlier task whose positive label every positive label of
 * {@code t} implies (a save needs a click). Such a task is a conversion step; its label on the entire
 * impression space is the joint event (clicked and saved, ESMM's CTCVR), and its conditional probability
 * given the parent (ESMM's CVR) is {@code p(t) / p(parent)}. A task without a parent starts a chain of its
 * own, so several independent funnels (or plain tasks) fit in one set.
 *
 * @param names task names, distinct and non-blank, in funnel order
 * @param parents per task the index of its parent, or {@code -1}; a parent comes before its child
 */
public record RankingTasks(List<String> names, int[] parents) {

  public RankingTasks {
    names = List.copyOf(Objects.requireNonNull(names, "names"));
    parents = Objects.requireNonNull(parents, "parents").clone();
    if (names.isEmpty()) {
      throw new IllegalArgumentException("a ranking needs at least one task (got none)");
    }
    if (parents.length != names.size()) {
      throw new IllegalArgumentException("parents must have one entry per task: " + names.size() + " tasks, "
          + parents.length + " parents");
    }
    Set<String> seen = new HashSet<>();
    for (int t = 0; t < names.size(); t++) {
      String name = names.get(t);
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("task " + t + " has a blank name (got '" + name + "')");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("task name '" + name + "' is given twice");
      }
      if (parents[t] < -1 || parents[t] >= t) {
        throw new IllegalArgumentException("the parent of task '" + name + "' must be -1 or an earlier task in [0, "
            + (t - 1) + "] (got " + parents[t] + ")");
      }
    }
  }

  /** One chain: every task is the parent of the next ({@code click -> save -> subscribe}). */
  public static RankingTasks chain(String... names) {
    int[] parents = new int[names.length];
    for (int t = 0; t < names.length; t++) {
      parents[t] = t - 1;
    }
    return new RankingTasks(List.of(names), parents);
  }

  public int count() {
    return names.size();
  }

  public String name(int task) {
    return names.get(task);
  }

  /** The index of task {@code name}. */
  public int indexOf(String name) {
    int t = names.indexOf(name);
    if (t < 0) {
      throw new IllegalArgumentException("unknown task '" + name + "' (expected one of " + names + ")");
    }
    return t;
  }

  /** The parent of {@code task}, or -1. */
  public int parent(int task) {
    return parents[task];
  }

  public boolean hasParent(int task) {
    return parents[task] >= 0;
  }

  /** The first task whose parent is {@code task}, or -1. */
  public int child(int task) {
    for (int t = task + 1; t < parents.length; t++) {
      if (parents[t] == task) {
        return t;
      }
    }
    return -1;
  }

  /** Links from {@code task} up to its chain's first task: 0 for a task without parent. */
  public int depth(int task) {
    int depth = 0;
    for (int t = parents[task]; t >= 0; t = parents[t]) {
      depth++;
    }
    return depth;
  }

  /**
   * The task whose labels refine {@code task}'s ranking in cross-task distillation: its child, else its
   * parent, else the next task (cyclically); {@code -1} when there is only one task.
   */
  public int partner(int task) {
    if (count() == 1) {
      return -1;
    }
    int child = child(task);
    if (child >= 0) {
      return child;
    }
    return hasParent(task) ? parents[task] : (task + 1) % count();
  }

  @Override
  public int[] parents() {
    return parents.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RankingTasks other && names.equals(other.names) && Arrays.equals(parents, other.parents);
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + Arrays.hashCode(parents);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int t = 0; t < count(); t++) {
      if (t > 0) {
        out.append(hasParent(t) && parents[t] == t - 1 ? " -> " : ", ");
      }
      if (hasParent(t) && parents[t] != t - 1) {
        out.append(name(parents[t])).append(" -> ");
      }
      out.append(name(t));
    }
    return out.toString();
  }
}
