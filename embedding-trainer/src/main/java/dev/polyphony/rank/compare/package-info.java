/**
 * The comparison of all ranking heads over seeds on synthetic and Last.fm impressions, the papers' claims
 * checked against it, and its Markdown form; the {@code rank} command runs it.
 */
package dev.polyphony.rank.compare;
