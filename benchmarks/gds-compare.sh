#!/usr/bin/env bash
# Polyphony side by side with Neo4j Graph Data Science (GPL-3.0, used here only, never shipped).
# Builds the benchmarks module with the gds-peer profile and runs dev.polyphony.bench.GdsComparison:
# quality on Spotify songs and Cora, speed and memory on Spotify songs and a ~1M-edge synthetic catalog.
# Usage: benchmarks/gds-compare.sh [outDir] [speedEpochs] [syntheticScale]   (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=17179869184 MALLOC_TOP_PAD_=536870912
DATASETS="${POLYPHONY_DATASETS:-$(cd .. && pwd)/shared/datasets}"
mvn -q -B -pl benchmarks -am -Pgds-peer -DskipTests process-classes
CP="benchmarks/target/classes:$(cat benchmarks/target/gds-classpath.txt)"
exec nice -n 10 java -Xmx3g -Xmn32m -Xss4m -Dpolyphony.datasets="$DATASETS" -cp "$CP" \
  dev.polyphony.bench.GdsComparison "${1:-benchmarks/results/gds}" "${2:-1}" "${3:-0.1}"
