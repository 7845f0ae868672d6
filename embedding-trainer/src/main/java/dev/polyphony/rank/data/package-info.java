/**
 * Impression logs for the ranking heads: synthetic funnels with known true probabilities over a synthetic
 * catalog, and leak-free impressions from the Last.fm HetRec data with stand-in embeddings from a truncated
 * SVD of the training pairs.
 */
package dev.polyphony.rank.data;
