/**
 * Score fusion: one ranking score from the task probabilities, with weights searched by the cross-entropy
 * method for a long-term objective (deep-engagement NDCG plus credited exposure), and its trade-off curve.
 */
package dev.polyphony.rank.fusion;
