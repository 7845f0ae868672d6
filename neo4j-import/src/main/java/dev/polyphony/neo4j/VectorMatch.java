package dev.polyphony.neo4j;

/**
 * One answer of a vector index query.
 *
 * @param id the node's external id (property {@code id})
 * @param score Neo4j's similarity score, higher is closer (see {@link VectorSimilarity})
 */
public record VectorMatch(String id, double score) {}
