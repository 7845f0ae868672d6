/**
 * Evaluation of playlist continuation and the baselines every learned model is compared with.
 *
 * <p>Protocol ({@link dev.polyphony.eval.PlaylistContinuationEvaluation}): a recommender
 * ({@link dev.polyphony.eval.PlaylistRecommender}) is fitted to the training graph of a split and continues
 * playlists; it never recommends a playlist's training tracks. Warm tracks come from a playlist
 * continuation split, cold-start (inductive) tracks from a cold-start split, and the two are reported
 * apart ({@link dev.polyphony.eval.EvaluationProtocol}): warm ranks the tracks that have a training
 * playlist, cold ranks the cold tracks only, and each also has an "all tracks" variant. Metrics
 * ({@link dev.polyphony.eval.RankingMetrics}): Recall@10 and Recall@50 with the number of relevant
 * tracks as denominator, NDCG@50 with binary relevance, means over playlists. Rankings break score ties
 * by the lower track id, so every number is reproducible from the seeds.
 *
 * <p>Baselines: {@link dev.polyphony.eval.PopularityRecommender},
 * {@link dev.polyphony.eval.SameArtistPopularityRecommender},
 * {@link dev.polyphony.eval.ItemCooccurrenceKnnRecommender},
 * {@link dev.polyphony.eval.ContentKnnRecommender} and {@link dev.polyphony.eval.BprRecommender}.
 * Reports: {@link dev.polyphony.eval.EvaluationReport}, written by
 * {@link dev.polyphony.eval.EvaluationJson} and {@link dev.polyphony.eval.EvaluationMarkdown}.
 */
package dev.polyphony.eval;
