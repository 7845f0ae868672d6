/**
 * Batch reinforcement learning of score fusion for long-term satisfaction, after Zhang et al., "Multi-Task
 * Fusion via Reinforcement Learning for Long-Term User Satisfaction in Recommender Systems" (KDD 2022): a
 * policy choosing the fusion weights per request from the session state, learned offline from logged sessions
 * by conservative fitted-Q iteration, and evaluated off-policy (per-decision weighted importance sampling,
 * fitted-Q evaluation) and in the session simulator.
 */
package dev.polyphony.rank.fusion.rl;
