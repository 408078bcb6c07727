#!/usr/bin/env bash
# Scale benchmark (issue 18): generates N articles (scripts/gen_articles.py: French and English,
# ~2.4 KB bodies, country names inside), imports them RUNS times into fresh stores with the release
# build, and prints one table: median articles/s (with every run), peak RSS (/usr/bin/time -v),
# store size beside the input's size. BASELINE=/path/to/kiosk adds a row for another build, run
# interleaved with this one so both see the same machine load.
# Then, in a real terminal (tmux 200x50, the screen polled with capture-pane, no sleeps): the time
# from launch to kiosk's first full screen (the list's header with its count), `G` to the last
# row shown, and kiosk's peak RSS; with newsboat installed, newsboat's first screen on a cache of
# the same articles (scripts/newsboat_cache.py), and the ratio. Polling costs a few ms a look.
# Usage: scripts/bench_scale.sh N   (env: RUNS=3, FORMAT=jsonl|array, BASELINE=, KEEP=dir,
#        SCREEN_RUNS=5, NEWSBOAT=0 to skip newsboat, IMPORT=0 to reuse KEEP's store)
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

kiosk=$(realpath -m "${CARGO_TARGET_DIR:-target}")/release/kiosk
declare -A binaries=([this]=$kiosk)
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

[ "${IMPORT:-1}" = 0 ] && [ -s "$work/this.db" ] && runs=0
for run in $(seq "$runs"); do
    for name in "${names[@]}"; do
        read -r rate peak kib < <(import_once "${binaries[$name]}" "$work/$name.db")
        rates[$name]+="$rate "
        rss[$name]+="$peak "
        size[$name]=$kib
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
if [ "$runs" -gt 0 ]; then
echo "scale benchmark: $count articles, $format input $((input_kib / 1024)) MiB, $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s | %-14s | %-22s | %-13s | %-16s | %s\n' build "articles/s" "runs" "peak RSS MiB" "store MiB" "store/input"
for name in "${names[@]}"; do
    kib=${size[$name]}
    printf '%-9s | %-14s | %-22s | %-13s | %-16s | %s\n' "$name" \
        "$(echo "${rates[$name]}" | median)" "${rates[$name]% }" \
        "$(( $(echo "${rss[$name]}" | median) / 1024 ))" "$((kib / 1024))" \
        "$(python3 -c "print(f'{$kib / $input_kib:.2f}x')")"
done
fi

# --- the first screen and G in tmux ---
command -v tmux >/dev/null || { echo "tmux missing: no first-screen timings" >&2; exit 0; }
store=$work/this.db
screen_runs=${SCREEN_RUNS:-5}
session=kiosk-bench-$$
trap 'tmux kill-session -t "$session" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
read -r total last_title < <(python3 - "$store" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
# The last row newest first: SQLite sorts NULL lowest.
title = db.execute("SELECT title FROM articles ORDER BY published, id LIMIT 1").fetchone()[0]
print(f"{total:,}", title[:24])
PY
)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Polls the pane until it shows $1 (fixed string); prints the ms since $2, or "timeout".
wait_screen() {
    local deadline=$(( $(now_ms) + ${3:-60000} ))
    until tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$1"; do
        [ "$(now_ms)" -lt "$deadline" ] || { echo timeout; return; }
    done
    echo $(( $(now_ms) - $2 ))
}
declare -a first_kiosk g_kiosk rss_kiosk first_newsboat
for run in $(seq "$screen_runs"); do
    tmux kill-session -t "$session" 2>/dev/null || true
    start=$(now_ms)
    tmux new-session -d -s "$session" -x 200 -y 50 "exec '$kiosk' --store '$store'"
    first_kiosk+=("$(wait_screen " Articles ($total) " "$start")")
    start=$(now_ms)
    tmux send-keys -t "$session" G
    g_kiosk+=("$(wait_screen "$last_title" "$start")")
    pid=$(tmux display -p -t "$session" '#{pane_pid}')
    rss_kiosk+=("$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")")
    tmux kill-session -t "$session"
done
newsboat_row=
if [ "${NEWSBOAT:-1}" != 0 ] && command -v newsboat >/dev/null && [ "$format" = jsonl ]; then
    nb=$work/newsboat
    mkdir -p "$nb"
    if [ ! -s "$nb/cache.db" ]; then
        echo "http://127.0.0.1:9/0.xml" > "$nb/urls"
        HOME=$nb newsboat -u "$nb/urls" -c "$nb/cache.db" -C /dev/null -x print-unread >/dev/null
        python3 scripts/newsboat_cache.py "$input" "$nb/cache.db" "$nb/urls"
    fi
    first_source=$(python3 -c "import json,sys; print(json.loads(open(sys.argv[1]).readline())['source'])" "$input")
    for run in $(seq "$screen_runs"); do
        tmux kill-session -t "$session" 2>/dev/null || true
        rm -f "$nb/cache.db.lock"
        start=$(now_ms)
        tmux new-session -d -s "$session" -x 200 -y 50 \
            "HOME='$nb' exec newsboat -u '$nb/urls' -c '$nb/cache.db' -C /dev/null"
        first_newsboat+=("$(wait_screen "$first_source" "$start" 900000)")
        tmux kill-session -t "$session"
    done
fi
echo
echo "terminal: $total articles, tmux 200x50, $screen_runs runs, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s | %-8s | %s\n' measure "median" "runs"
row() { printf '%-26s | %-8s | %s\n' "$1" "$(echo "$2" | median)" "$2"; }
row "kiosk first screen (ms)" "${first_kiosk[*]}"
row "kiosk G (ms)" "${g_kiosk[*]}"
row "kiosk peak RSS (MiB)" "${rss_kiosk[*]}"
if [ "${#first_newsboat[@]}" -gt 0 ]; then
    row "newsboat first screen (ms)" "${first_newsboat[*]}"
    k=$(echo "${first_kiosk[*]}" | median); n=$(echo "${first_newsboat[*]}" | median)
    python3 -c "print(f'newsboat / kiosk first screen: {$n / max($k, 1):.0f}x')"
fi
