#!/usr/bin/env bash
# Thread scaling of `modelperf evaluate --stream --threads N` on a machine without Node: run from the repo root as
# `bash .devbench/run.sh` after `bash scripts/device/build-bundle.sh` built .devbench/ (this file is copied there).
#
# Environment: OUT (required: threads.json and log.txt go there), ROWS (default 1e7), NS (thread counts, default
# "1 2 4 8 16", must start with 1), RUNS (timed runs per point, default 3), WORK (scratch folder for node and the
# data, default /tmp/modelperf-devbench). Steps: unpack node, generate the seeded binary data (seed 42, the benchmarks'
# generator options; .arrows in 2^20-row batches and one-batch .arrow), then thread-bench.mjs times every mode and
# thread count and checks that every report equals the threads=1 report. Exits non-zero on any failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${OUT:?OUT must name the folder for threads.json and log.txt}"
ROWS=${ROWS:-1e7}
NS=${NS:-1 2 4 8 16}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/modelperf-devbench}
mkdir -p "$OUT"

main() {
  local started=$SECONDS
  echo "== modelperf thread scaling: ROWS=$ROWS NS=\"$NS\" RUNS=$RUNS, bundle $here, work $WORK"
  for f in node.xz cli/dist/bin.js cli/dist/cli.js cli/dist/evaluate-worker.js cli/node_modules/piscina/package.json thread-bench.mjs; do
    [ -e "$here/$f" ] || { echo "run.sh: $here/$f is missing: rebuild with scripts/device/build-bundle.sh and carry .devbench" >&2; return 1; }
  done

  unpack_node "$WORK" || unpack_node "$here/.work" || { echo "run.sh: could not unpack a working node" >&2; return 1; }
  echo "node $node: $("$node" --version)"
  echo "machine: nproc $(nproc), $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"

  local cli="$here/cli/dist/bin.js"
  local data="$WORK/data"
  mkdir -p "$data"
  local stream="$data/binary-$ROWS-seed42.arrows" file="$data/binary-$ROWS-seed42.arrow"
  local t=$SECONDS
  "$node" "$cli" generate --task binary --rows "$ROWS" --seed 42 --out "$stream"
  "$node" "$cli" generate --task binary --rows "$ROWS" --seed 42 --out "$file"
  echo "generated in $((SECONDS - t)) s: $(du -h "$stream" | cut -f1) $stream, $(du -h "$file" | cut -f1) $file"

  local rows
  rows=$("$node" -e 'console.log(Number(process.argv[1]))' "$ROWS")
  "$node" "$here/thread-bench.mjs" --cli "$cli" --stream-file "$stream" --file "$file" --rows "$rows" \
    --ns "$NS" --runs "$RUNS" --out "$OUT/threads.json"
  rm -f "$stream" "$file"
  echo "== done in $((SECONDS - started)) s; results in $OUT/threads.json"
}

# Unpacks node.xz into $1 and checks that it runs there (a noexec /tmp fails the check; the caller tries elsewhere).
unpack_node() {
  mkdir -p "$1" || return 1
  node="$1/node"
  if command -v xz >/dev/null; then
    xz -dc "$here/node.xz" > "$node.tmp" || return 1
  elif command -v python3 >/dev/null; then
    python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$here/node.xz" "$node.tmp" || return 1
  else
    echo "run.sh: neither xz nor python3 is there to unpack node.xz" >&2
    return 1
  fi
  chmod +x "$node.tmp" && mv "$node.tmp" "$node" || return 1
  "$node" --version >/dev/null 2>&1 || { echo "run.sh: $node does not run (noexec folder or missing libraries?)" >&2; "$node" --version; return 1; }
}

# errexit is switched on again inside the subshell: it would be off in a function called from a tested context.
set +e
(set -e; main) 2>&1 | tee "$OUT/log.txt"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "run.sh: FAILED (exit $status); see $OUT/log.txt" | tee -a "$OUT/log.txt" >&2
fi
exit "$status"
