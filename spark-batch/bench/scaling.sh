#!/usr/bin/env bash
# Wall time and peak memory of `polyphony spark-embed` in Spark local mode over synthetic catalogs of about
# 1M, 3M and 10M edges (contains ~ 45 per playlist, listened ~ 12 per user, one by_artist per track). The job
# reads the catalog as CSV node and edge tables (`polyphony graph-tables`), as it would read a catalog too
# large for the driver; INPUT=graph hands it the snapshot instead (rows built on the driver).
#
# Usage: spark-batch/bench/scaling.sh MODEL_DIR [SIZES...]   (sizes in millions of edges, default 1 3 10)
# MODEL_DIR: a model trained on a synthetic catalog (see docs/spark.md for the job used).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODEL="$1"
shift
SIZES=("${@:-1 3 10}")
WORK="${TMPDIR:-/tmp}/polyphony-spark-scaling"
mkdir -p "$WORK"
printf '| edges (M) | tracks | snapshot edges | job seconds | wall seconds | peak RSS (MB) |\n|---:|---:|---:|---:|---:|---:|\n'
for m in ${SIZES[*]}; do
  tracks=$((100000 * m)); playlists=$((15000 * m)); users=$((18000 * m)); creators=$((8000 * m))
  snap="$WORK/synth-${m}m.snap"
  if [[ ! -f "$snap" ]]; then
    "$ROOT/polyphony" synth --tracks "$tracks" --playlists "$playlists" --users "$users" --creators "$creators" \
      --genres 20 --seed 1 --out "$snap" > "$WORK/synth-${m}m.txt"
  fi
  edges="$(grep '^edges:' "$WORK/synth-${m}m.txt" | awk '{print $2}')"
  if [[ "${INPUT:-tables}" == graph ]]; then
    input=(--graph "$snap")
  else
    tables="$WORK/tables-${m}m"
    if [[ ! -f "$tables/edges.csv" ]]; then
      "$ROOT/polyphony" graph-tables --graph "$snap" --out "$tables" > "$WORK/tables-${m}m.txt"
    fi
    input=(--nodes "$tables/nodes.csv" --edges "$tables/edges.csv" --input-format csv)
  fi
  rm -rf "$WORK/out-${m}m"
  /usr/bin/time -v -o "$WORK/time-${m}m.txt" "$ROOT/polyphony" spark-embed --model "$MODEL" "${input[@]}" \
    --out "$WORK/out-${m}m" --master 'local[2]' --shuffle-partitions 8 > "$WORK/run-${m}m.txt" 2>&1
  job="$(sed -n 's/.* in \([0-9.]*\) s (master.*/\1/p' "$WORK/run-${m}m.txt")"
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time-${m}m.txt")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time-${m}m.txt")"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$m" "$tracks" "$edges" "$job" "$wall" "$((rss / 1024))"
done
