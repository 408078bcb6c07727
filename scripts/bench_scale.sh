#!/usr/bin/env bash
# Scale benchmark (issue 18): generates N articles (scripts/gen_articles.py: French and English,
# ~2.4 KB bodies, country names inside), imports them RUNS times into fresh stores with the release
# build, and prints one table: median articles/s (with every run), peak RSS (/usr/bin/time -v),
# store size beside the input's size. BASELINE=/path/to/kiosk adds a row for another build, run
# interleaved with this one so both see the same machine load.
# Usage: scripts/bench_scale.sh N   (env: RUNS=3, FORMAT=jsonl|array, BASELINE=, KEEP=dir)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:?usage: scripts/bench_scale.sh N}
runs=${RUNS:-3}
format=${FORMAT:-jsonl}
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }
cargo build --release --quiet
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work"

if [ "$format" = array ]; then input="$work/articles.json"; flag=--array; else input="$work/articles.jsonl"; flag=; fi
[ -s "$input" ] || python3 scripts/gen_articles.py "$count" $flag > "$input"
input_kib=$(du -k "$input" | cut -f1)

declare -A binaries=([this]=target/release/kiosk)
names=(this)
if [ -n "${BASELINE:-}" ]; then binaries[baseline]=$BASELINE; names=(baseline this); fi
declare -A rates rss size

# One import: prints "articles/s peak-RSS-KiB store-KiB".
import_once() {
    local kiosk=$1 store=$2
    rm -f "$store" "$store"-wal "$store"-shm
    /usr/bin/time -v "$kiosk" --store "$store" import "$input" >/dev/null 2>"$work/time" \
        || { echo "import failed:" >&2; tail -5 "$work/time" >&2; exit 1; }
    local wall peak
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
    peak=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")
    python3 - "$count" "$wall" "$peak" "$(du -kc "$store"* | tail -1 | cut -f1)" <<'PY'
import sys
count, wall, peak, store = sys.argv[1:]
seconds = 0.0
for part in wall.split(":"):
    seconds = seconds * 60 + float(part)
print(f"{int(count) / seconds:.0f} {peak} {store}")
PY
}

for run in $(seq "$runs"); do
    for name in "${names[@]}"; do
        read -r rate peak kib < <(import_once "${binaries[$name]}" "$work/$name.db")
        rates[$name]+="$rate "
        rss[$name]+="$peak "
        size[$name]=$kib
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "scale benchmark: $count articles, $format input $((input_kib / 1024)) MiB, $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s | %-14s | %-22s | %-13s | %-16s | %s\n' build "articles/s" "runs" "peak RSS MiB" "store MiB" "store/input"
for name in "${names[@]}"; do
    kib=${size[$name]}
    printf '%-9s | %-14s | %-22s | %-13s | %-16s | %s\n' "$name" \
        "$(echo "${rates[$name]}" | median)" "${rates[$name]% }" \
        "$(( $(echo "${rss[$name]}" | median) / 1024 ))" "$((kib / 1024))" \
        "$(python3 -c "print(f'{$kib / $input_kib:.2f}x')")"
done
