#!/usr/bin/env bash
# Pathological sizes (issue 19): generates each input, imports it into a fresh store with the
# release build under /usr/bin/time, and prints one Markdown row per case: wall time, peak RSS,
# articles stored and the first line kiosk printed about it (its refusal or warning). The inputs
# are a 200 MB single-line JSON object and the same inside a one-line JSON array (refused by
# [import] max_line_bytes), the object again with the limit raised past it (what the limit
# saves), JSON nested 100,000 deep, HTML nested 100,000 deep, a 1 MB title, a body of 100,000
# lines, a folder of 10,000 files and a folder with symlink loops.
# Usage: scripts/bench_sizes.sh   (env: KIOSK=path/to/kiosk, KEEP=dir to keep the inputs,
#        ONLY=case to run one case)
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }
source "$(dirname "$0")/lib.sh"
: > "$work/default.toml"
printf '[import]\nmax_line_bytes = 314572800\n' > "$work/raised.toml"

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def small(n):
    return json.dumps({"id": f"s{n}", "title": f"Small {n}", "body": f"Body {n} about Mali."})
def write(name, text):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        with open(path, "w") as out:
            out.write(text)
huge = '{"title": "Huge", "body": "' + "word " * 40_000_000 + '"}'
write("line200.jsonl", small(1) + "\n" + huge + "\n" + small(2) + "\n")
write("array200.json", "[" + small(1) + "," + huge + "," + small(2) + "]")
write("deep.jsonl", small(1) + "\n" + '{"title": "Deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + small(2) + "\n")
write("deep.html", "<html><head><title>Deep page</title></head><body>" + "<div>" * 100_000
      + "<p>Text at the bottom about Niger.</p>" + "</div>" * 100_000 + "</body></html>\n")
write("title1mb.jsonl", json.dumps({"title": "Long title words " * 62_000, "body": "Short."}) + "\n")
write("lines100k.jsonl", json.dumps({"title": "Many lines", "body": "One short line of the body.\n" * 100_000}) + "\n")
folder = os.path.join(work, "files10k")
if not os.path.isdir(folder):
    os.makedirs(folder)
    for n in range(10_000):
        with open(os.path.join(folder, f"note-{n:05}.txt"), "w") as out:
            out.write(f"Note {n}\n\nThe note numbered {n}, about Mali and Ghana.\n")
loops = os.path.join(work, "loops")
if not os.path.isdir(loops):
    os.makedirs(os.path.join(loops, "a", "b"))
    with open(os.path.join(loops, "a", "b", "one.txt"), "w") as out:
        out.write("Only article\n\nInside a folder full of loops.\n")
    os.symlink("..", os.path.join(loops, "a", "b", "up"))
    os.symlink(loops, os.path.join(loops, "a", "root"))
    os.symlink("self", os.path.join(loops, "self"))
PY

echo "| input | size | time | peak RSS | stored | kiosk says |"
echo "|---|---|---|---|---|---|"
run() {
    local case=$1 input=$2 config=$3
    [ -z "${ONLY:-}" ] || [ "$ONLY" = "$case" ] || return 0
    local store="$work/$case.db"
    rm -f "$store" "$store"-wal "$store"-shm
    KIOSK_CONFIG=$config /usr/bin/time -f "TIME %e s %M KB" \
        "$KIOSK" --store "$store" import "$input" >"$work/out" 2>"$work/err" || true
    local measured stored said size
    measured=$(grep '^TIME ' "$work/err" | sed 's/^TIME //')
    stored=$("$KIOSK" --store "$store" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
    said=$(grep -v '^TIME ' "$work/err" | grep -E 'skipped|warning|kiosk:' | head -1 \
        | sed "s|$work/||; s/|/\\\\|/g" | cut -c1-150)
    size=$(du -sh --apparent-size "$input" | cut -f1)
    local time=${measured% s *} rss=${measured#* s }
    echo "| $case | $size | $time s | $((${rss% KB} / 1024)) MiB | $stored | ${said:-(nothing)} |"
}
run line200 "$work/line200.jsonl" "$work/default.toml"
run array200 "$work/array200.json" "$work/default.toml"
run line200-raised "$work/line200.jsonl" "$work/raised.toml"
run deep-json "$work/deep.jsonl" "$work/default.toml"
run deep-html "$work/deep.html" "$work/default.toml"
run title1mb "$work/title1mb.jsonl" "$work/default.toml"
run lines100k "$work/lines100k.jsonl" "$work/default.toml"
run files10k "$work/files10k" "$work/default.toml"
run symlink-loops "$work/loops" "$work/default.toml"
