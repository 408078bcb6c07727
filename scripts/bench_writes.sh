#!/usr/bin/env bash
# Write amplification (issue 19): imports N generated articles (scripts/gen_articles.py) into a
# fresh store with the release build and prints the bytes the import wrote to disk (/proc/PID/io
# write_bytes, sampled until the process ends: pages dirtied, what /usr/bin/time -v calls
# file-system outputs), the bytes its write() calls carried (wchar), the input and final store
# sizes, and their ratios.
# Usage: scripts/bench_writes.sh N   (env: KIOSK=path/to/kiosk, KEEP=dir to keep input and store)
count=${1:?usage: scripts/bench_writes.sh N}
source "$(dirname "$0")/lib.sh"
input="$work/articles.jsonl"
[ -s "$input" ] || python3 scripts/gen_articles.py "$count" > "$input"
store="$work/kiosk.db"
rm -f "$store" "$store"-wal "$store"-shm
"$KIOSK" --store "$store" import "$input" >/dev/null 2>"$work/err" &
pid=$!
start=$(date +%s.%N)
# /proc/PID/io goes with the process: keep its last sample (every 0.2 s) and the peak RSS.
rss=0
while [ -e "/proc/$pid/io" ]; do
    cat "/proc/$pid/io" > "$work/io.tmp" 2>/dev/null && mv "$work/io.tmp" "$work/io.last"
    now=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    rss=${now:-$rss}
    sleep 0.2
done
wait "$pid" || { echo "import failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
wall=$(echo "$(date +%s.%N) - $start" | bc)
written=$(awk '/^write_bytes/ {print $2}' "$work/io.last")
logical=$(awk '/^wchar/ {print $2}' "$work/io.last")
input_bytes=$(stat -c %s "$input")
store_bytes=$(( $(stat -c %s "$store") + $(stat -c %s "$store-wal" 2>/dev/null || echo 0) ))
python3 - "$count" "$written" "$input_bytes" "$store_bytes" "$wall" "$rss" "$logical" <<'PY'
import sys
count, written, input_bytes, store_bytes = map(int, sys.argv[1:5])
wall, rss, logical = float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
mib = lambda n: f"{n / 2**20:,.0f} MiB"
print(f"{count:,} articles in {wall:.0f} s, peak RSS {rss // 1024} MiB")
print(f"input {mib(input_bytes)}, store {mib(store_bytes)}, written {mib(written)}")
print(f"written per input byte {written / input_bytes:.2f}, per store byte {written / store_bytes:.2f}")
print(f"write() calls carried {mib(logical)}: {logical / store_bytes:.0f}x the store, mostly absorbed by the page cache")
PY
