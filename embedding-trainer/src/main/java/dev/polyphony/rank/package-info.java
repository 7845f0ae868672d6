/**
 * Multi-task ranking heads over embeddings: impression logs ({@link dev.polyphony.rank.ImpressionLog}) with
 * funnel tasks ({@link dev.polyphony.rank.RankingTasks}), one SameDiff model per head
 * ({@link dev.polyphony.rank.RankingModel}, serving {@link dev.polyphony.rank.RankingHead}) and its trainer
 * ({@link dev.polyphony.rank.RankingTrainer}). The networks are in {@code .head}, the data sets in
 * {@code .data}, metrics in {@code .eval}, score fusion in {@code .fusion} and the comparison of all heads in
 * {@code .compare}.
 */
package dev.polyphony.rank;
