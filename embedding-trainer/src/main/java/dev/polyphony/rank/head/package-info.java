/**
 * The networks of the ranking heads, each a {@link dev.polyphony.rank.head.HeadArchitecture}: shared-bottom,
 * MMoE, PLE, ESMM, AITM and the clicked-only conversion model, plus cross-task distillation that any of them
 * can switch on. Built from {@link dev.polyphony.rank.head.HeadBuilder} layers into one SameDiff graph.
 */
package dev.polyphony.rank.head;
