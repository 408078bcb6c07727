#!/usr/bin/env bash
# Instructions the analyser executes for one pass over the development corpora (the `analyze`
# bench with one pass, under valgrind's callgrind): unlike MB/s, the count does not move with a
# busy or throttled machine, so it compares two versions of the code on any day. Prints the
# total, the instructions per byte of text and the most expensive functions.
# Usage: scripts/analyze_instructions.sh   (installs valgrind with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
    apt-get update -qq && apt-get install -y -qq valgrind >/dev/null
fi
bench=$(cargo bench --locked --bench analyze --no-run 2>&1 | sed -n 's/.*Executable .*(\(.*\)).*/\1/p')
out=$(mktemp)
trap 'rm -f "$out" "$out.log"' EXIT
KIOSK_BENCH_PASSES=1 valgrind --tool=callgrind --callgrind-out-file="$out" "$bench" >"$out.log" 2>&1
total=$(callgrind_annotate "$out" | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
bytes=$(grep -oE '[0-9.]+ MB\)' "$out.log" | head -1 | tr -d ' MB)')
echo "instructions for $bytes MB (with the corpus loading, gazetteer load and one warm-up): $total"
awk -v t="$total" -v b="$bytes" 'BEGIN { if (b > 0) printf "per byte of text: %.0f\n", t / (b * 1e6) }'
callgrind_annotate "$out" | grep -E '^ *[0-9,]+ \(' | sed -n '2,13p'
