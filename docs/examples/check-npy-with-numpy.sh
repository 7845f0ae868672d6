#!/usr/bin/env bash
# Shows that an embedding export loads in NumPy unchanged: exports the stand-in track embedding of the
# bundled Spotify songs catalog, rewrites it with `polyphony export` as npy + jsonl, loads embeddings.npy
# with numpy.load and compares shape, dtype, ids and every value with the JSON lines the Java side wrote.
# Needs python3 with numpy. Usage: bash docs/examples/check-npy-with-numpy.sh [WORK_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/polyphony-npy.XXXXXX")}"
python3 -c 'import numpy' 2>/dev/null || { echo "check-npy: python3 with numpy is needed" >&2; exit 1; }

"$ROOT/polyphony" retrieval-quality --stand-in --queries 100 --warmup-seconds 0 --measure-seconds 0.1 \
  --out "$work/quality" --write-embeddings "$work/stand-in" >/dev/null
"$ROOT/polyphony" export --embeddings "$work/stand-in" --format npy,jsonl --out "$work/export" >/dev/null

python3 - "$work/export" <<'PY'
import json, sys
import numpy

folder = sys.argv[1]
a = numpy.load(folder + '/embeddings.npy')
print('numpy.load:', a.shape, a.dtype, 'row 0 starts', a[0, :3])
with open(folder + '/ids.tsv', encoding='utf-8') as f:
    ids = [line.rstrip('\n').split('\t', 1)[1] for line in f][1:]
with open(folder + '/embeddings.jsonl', encoding='utf-8') as f:
    rows = [json.loads(line) for line in f]
java = numpy.array([r['vector'] for r in rows], dtype=numpy.float32)
print('Java (jsonl):', java.shape, 'row 0 starts', java[0, :3], 'id', rows[0]['id'])
assert a.dtype == numpy.float32 and a.flags['C_CONTIGUOUS'], (a.dtype, a.flags)
assert a.shape == java.shape == (len(ids), a.shape[1]), (a.shape, java.shape, len(ids))
assert ids == [r['id'] for r in rows], 'ids.tsv and embeddings.jsonl disagree'
assert numpy.array_equal(a, java), 'values differ'
print('equal: all', a.size, 'values and', len(ids), 'ids')
PY
