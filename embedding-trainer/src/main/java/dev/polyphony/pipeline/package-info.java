/**
 * The main job end to end: a {@link dev.polyphony.pipeline.Pipeline} of {@link dev.polyphony.pipeline.Stage}s
 * (ingest, statistics, training, embedding with export, evaluation, candidate lists, Neo4j, report) that reads a
 * {@link dev.polyphony.job.PipelineJobConfig} and writes into one output folder. A {@link
 * dev.polyphony.pipeline.StageLedger} in that folder records each finished stage's input and output checksums,
 * so a rerun skips the stages whose inputs, settings and outputs are unchanged and reruns the rest.
 */
package dev.polyphony.pipeline;
