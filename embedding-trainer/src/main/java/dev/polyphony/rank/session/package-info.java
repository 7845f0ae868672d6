/**
 * Simulated listening sessions for learning score fusion for long-term satisfaction: a world of users and
 * tracks, a user whose satisfaction, and so whether the session continues, responds to the diversity,
 * freshness and fit of every recommended slate, fusion policies choosing the fusion weights per request, and
 * logs of sessions with the behaviour policy's propensities.
 */
package dev.polyphony.rank.session;
