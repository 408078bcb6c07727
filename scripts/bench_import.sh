#!/usr/bin/env bash
# Import throughput: imports a JSONL corpus into a fresh store N times (release build) and prints
# the median articles per second, the store's size on disk and the peak memory of one run.
# Usage: scripts/bench_import.sh [FILE.jsonl] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/reuters-dev.jsonl}
runs=${2:-5}
if [ ! -f "$corpus" ]; then
    echo "skipped: $corpus not found (the shared corpus is not beside this checkout)"
    exit 0
fi
cargo build --release --quiet
kiosk=${CARGO_TARGET_DIR:-target}/release/kiosk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
articles=$(wc -l < "$corpus")
rates=()
for run in $(seq "$runs"); do
    store="$work/run$run.db"
    start=$(date +%s.%N)
    "$kiosk" --store "$store" import "$corpus" >/dev/null 2>"$work/err" || true
    end=$(date +%s.%N)
    rates+=("$(python3 -c "print(f'{$articles / ($end - $start):.0f}')")")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
summary=$(tail -1 "$work/err")
size=$(du -k "$work/run1.db" | cut -f1)
/usr/bin/time -v "$kiosk" --store "$work/rss.db" import "$corpus" 2>"$work/time" >/dev/null || true
rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")
echo "corpus:          $corpus ($articles lines; $summary)"
echo "runs:            ${rates[*]} articles/s"
echo "median:          $median articles/s"
echo "store size:      ${size} KiB (after one import)"
echo "peak RSS:        ${rss} KiB"
