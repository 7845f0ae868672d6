#!/usr/bin/env bash
# Runs the graph-core benchmark set and writes, under benchmarks/results/:
#   graph-core-jmh.json     JMH results (-rf json)
#   graph-core-memory.json  bytes per edge measured beside them
#   graph-core.md           the tables with their ratios (also printed)
# Benchmarks: CsrBuild (our CSR against JGraphT's SparseIntDirectedGraph, 1M edges), Snapshot (snapshot
# read against parsing the Spotify songs ZIP and against generating the 10M-edge synthetic catalog),
# NeighborSampler (against its random-read floor, 1 and 2 threads), RandomWalk, NegativeSampling.
# One fork each and few iterations (set in each class): about 8 minutes on 2 cores.
#
# Needs the shared datasets: POLYPHONY_DATASETS, else ../shared/datasets beside the project.
# MAVEN_ARGS is passed to Maven (e.g. MAVEN_ARGS=-o); further arguments go to JMH, e.g. a quick small run:
#   bash benchmarks/run-graph-core.sh -p scale=0.01 -p edges=100000
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
datasets="${POLYPHONY_DATASETS:-$root/../shared/datasets}"
if [[ ! -f "$datasets/spotify-songs/spotify_songs.zip" ]]; then
  echo "run-graph-core.sh: no spotify-songs/spotify_songs.zip under $datasets; set POLYPHONY_DATASETS" >&2
  exit 1
fi
results="$root/benchmarks/results"
mkdir -p "$results"
# The synthetic catalog is generated once per run; later JMH forks read its snapshot from here.
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT

# shellcheck disable=SC2086 # MAVEN_ARGS holds several words on purpose
mvn -q ${MAVEN_ARGS:-} -pl benchmarks -am package -DskipTests
jar="$root/benchmarks/target/benchmarks.jar"
props=(-Dpolyphony.datasets="$datasets" -Dpolyphony.bench.cache="$cache")

java "${props[@]}" -jar "$jar" \
  'dev\.polyphony\.bench\.(CsrBuild|Snapshot|NeighborSampler|RandomWalk|NegativeSampling)Benchmark\.' \
  -rf json -rff "$results/graph-core-jmh.json" "$@" | tee "$results/graph-core-jmh.log"
# The serial collector makes heap deltas after System.gc() exact (see HeapFootprint).
java -XX:+UseSerialGC -Xmx6g "${props[@]}" -cp "$jar" dev.polyphony.bench.GraphCoreReport "$results"
