/**
 * End-to-end recommendation: candidate generators and their blender propose items, a ranking head scores
 * every candidate for every task, a score fusion turns the task probabilities into one score, and the best
 * fused scores make the final list, each item with its task scores and the reasons it was retrieved.
 */
package dev.polyphony.rank.recommend;
