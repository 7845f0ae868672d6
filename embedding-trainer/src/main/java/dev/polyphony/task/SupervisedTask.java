package dev.polyphony.task;

/** A task with its own labelled training seeds and its own validation metric, trainable alone. */
public interface SupervisedTask extends Task, Validation {
  /** The dense ids of the seeds trained on; distinct. */
  int[] trainSeeds();
}
