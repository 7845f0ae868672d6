package dev.polyphony.rank.head;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Progressive Layered Extraction (Tang, Liu, Zhao and Gong, "Progressive Layered Extraction (PLE): A Novel
 * Multi-Task Learning (MTL) Model for Personalized Recommendations", RecSys 2020); one level is the paper's
 * Customized Gate Control (CGC).
 *
 * <p>Each level has {@code sharedExperts} shared experts and {@code specificExperts} experts per task, all
 * {@code relu(in W + b)} of width {@code expertDim}. Expert index order: the shared experts, then task 0's,
 * task 1's, and so on. Per task and sample a gate {@code softmax(in_k W_gk + b_gk)} weighs the task's own and
 * the shared experts (every other expert gets weight exactly 0); below the last level a shared gate weighs
 * all experts and feeds the next level's shared experts, while each task's mixture feeds its own next
 * experts and gate. At level 1 every input is the features. The last level's task mixtures go to the
 * towers. Diagnostic {@value #GATES}: the last level's task gates {@code [batch, tasks, experts]}.
 *
 * @param levels extraction levels (1 = CGC)
 * @param sharedExperts shared experts per level
 * @param specificExperts experts per task and level
 * @param expertDim width of each expert
 * @param towerDim width of each tower's hidden layer
 */
public record Ple(int levels, int sharedExperts, int specificExperts, int expertDim, int towerDim)
    implements HeadArchitecture {
  /** Diagnostic name of the last level's task gates. */
  public static final String GATES = "gates";

  public Ple {
    Widths.requirePositive("levels", levels);
    Widths.requirePositive("sharedExperts", sharedExperts);
    Widths.requirePositive("specificExperts", specificExperts);
    Widths.requirePositive("expertDim", expertDim);
    Widths.requirePositive("towerDim", towerDim);
  }

  /** Experts per level over all tasks. */
  public int expertsPerLevel(int tasks) {
    return sharedExperts + tasks * specificExperts;
  }

  /** Whether task {@code task}'s gate may weigh expert {@code expert}. */
  public boolean taskSees(int task, int expert) {
    return expert < sharedExperts
        || (expert - sharedExperts) / specificExperts == task;
  }

  @Override
  public HeadOutputs build(HeadBuilder b, SDVariable x, int featureCount) {
    SameDiff sd = b.sameDiff();
    int t = b.taskCount();
    int n = expertsPerLevel(t);
    boolean[][] taskAllowed = new boolean[t][n];
    for (int k = 0; k < t; k++) {
      for (int e = 0; e < n; e++) {
        taskAllowed[k][e] = taskSees(k, e);
      }
    }
    SDVariable taskMix = null;   // [tasks, batch, expertDim] after level 1
    SDVariable sharedMix = null; // [batch, expertDim] after level 1, below the last level
    SDVariable taskGates = null;
    Map<String, SDVariable> diagnostics = new LinkedHashMap<>();
    for (int level = 1; level <= levels; level++) {
      String p = "L" + level + "_";
      boolean last = level == levels;
      SDVariable experts;
      SDVariable taskGateLogits;
      SDVariable sharedGateLogits = null;
      if (level == 1) {
        experts = sd.reshape(b.relu(b.dense(p + "experts", x, featureCount, n * expertDim)), -1, n, expertDim);
        taskGateLogits = sd.reshape(b.dense(p + "task_gates", x, featureCount, t * n), -1, t, n);
        if (!last) {
          sharedGateLogits = sd.reshape(b.dense(p + "shared_gate", x, featureCount, n), -1, 1, n);
        }
      } else {
        SDVariable shared = sd.reshape(b.relu(b.dense(p + "shared_experts", sharedMix, expertDim,
            sharedExperts * expertDim)), -1, sharedExperts, expertDim);
        SDVariable specific = b.relu(b.stackedDense(p + "task_experts", taskMix, t, expertDim,
            specificExperts * expertDim));
        // [tasks, batch, k * d] -> [batch, tasks * k, d], task-major as the expert order requires.
        specific = sd.reshape(sd.permute(sd.reshape(specific, t, -1, specificExperts, expertDim), 1, 0, 2, 3), -1,
            (long) t * specificExperts, expertDim);
        experts = sd.concat(1, shared, specific);
        taskGateLogits = sd.permute(b.stackedDense(p + "task_gates", taskMix, t, expertDim, n), 1, 0, 2);
        if (!last) {
          sharedGateLogits = sd.reshape(b.dense(p + "shared_gate", sharedMix, expertDim, n), -1, 1, n);
        }
      }
      taskGates = b.maskedSoftmax(taskGateLogits, taskAllowed);
      diagnostics.put("gates_level" + level, taskGates);
      taskMix = sd.permute(sd.mmul(taskGates, experts), 1, 0, 2);
      if (!last) {
        SDVariable sharedGate = sd.nn().softmax(sharedGateLogits, 2);
        sharedMix = sd.reshape(sd.mmul(sharedGate, experts), -1, expertDim);
      }
    }
    diagnostics.put(GATES, taskGates);
    TaskStack perTask = TaskStack.perTask(taskMix, expertDim);
    SDVariable prob = b.sigmoid(b.towerLogits("tower", perTask, towerDim));
    return new HeadOutputs(prob, null, perTask, null, diagnostics);
  }
}
