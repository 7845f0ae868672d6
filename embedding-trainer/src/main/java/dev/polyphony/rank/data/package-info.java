/**
 * Impression logs for the ranking heads: synthetic funnels with known true probabilities over a synthetic
 * catalog, and leak-free impressions from the Last.fm HetRec data with stand-in embeddings from a truncated
 * SVD of the training pairs, and leak-free playlist continuation impressions over a catalog of the Spotify
 * songs schema. The feature spaces of the last two score further (query, item) pairs alike, for
 * recommendation.
 */
package dev.polyphony.rank.data;
