/** Test metrics of ranking heads: AUC, calibration, and errors against known true probabilities. */
package dev.polyphony.rank.eval;
