package dev.polyphony.rank.eval;

/**
 * Test metrics of one task of one head. {@code NaN} marks a metric that does not apply (no parent, no true
 * probabilities) or cannot be computed (one label only).
 *
 * @param task task name
 * @param auc AUC of the entire-space probability against the task's labels over all impressions
 * @param conditionalAuc for a conversion step, AUC of the conditional probability over the impressions whose
 *     parent label is 1 (CVR over clicked impressions)
 * @param meanPredicted mean entire-space probability
 * @param observedRate share of positive labels
 * @param calibrationError expected calibration error of the entire-space probability ({@link Calibration})
 * @param jointRmse root mean squared error of the entire-space probability against the true one
 * @param conditionalRmse for a conversion step, root mean squared error of the conditional probability
 *     against the true one over the entire impression space (CVR on the entire space)
 */
public record TaskMetrics(String task, double auc, double conditionalAuc, double meanPredicted, double observedRate,
    double calibrationError, double jointRmse, double conditionalRmse) {}
