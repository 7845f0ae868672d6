/**
 * The visual report of an embedding run: PNG plots rendered headless with JFreeChart, an
 * {@code index.html} that shows them beside tables of the numbers, and a {@code metrics.json} with those
 * numbers.
 *
 * <p>Each plot is one class that takes plain data records ({@link dev.polyphony.report.EpochRecord},
 * {@link dev.polyphony.report.RecommenderComparison}, {@link dev.polyphony.report.EmbeddingMap},
 * {@link dev.polyphony.report.DegreeHistogram}, {@link dev.polyphony.report.AnnTradeoffPoint},
 * {@link dev.polyphony.report.CandidateShares}) and writes one PNG atomically; the records have factories
 * from the engine's own types. {@link dev.polyphony.report.ReportWriter} assembles the page from a
 * {@link dev.polyphony.report.ReportContent}, leaving out every section without data.
 */
package dev.polyphony.report;
