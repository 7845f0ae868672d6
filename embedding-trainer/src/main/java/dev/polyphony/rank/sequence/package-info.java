/**
 * Multi-scale user behaviour sequences for entire-space multi-task ranking, after Jin et al., "Multi-Scale
 * User Behavior Network for Entire Space Multi-Task Learning", CIKM 2022: a user's engagement before an
 * impression, in several windows (the last events, the last days, all history), pooled over item embeddings and
 * appended to the impression's features, leak-free.
 */
package dev.polyphony.rank.sequence;
