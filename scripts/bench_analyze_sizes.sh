#!/usr/bin/env bash
# `kiosk analyze` of one large text at 1, 4 and 16 MiB (issue 18: it was quadratic): median
# seconds of RUNS runs with the release build, and MB/s of analysed text after the start-up
# (the same command on a 1 KiB text, subtracted). The text repeats the development corpora
# (../shared/corpus) or, without them, generated articles. The cap on analysed bytes is raised
# past 16 MiB so the whole text is analysed. BASELINE=/path/to/kiosk adds rows for another
# build (run with no config, so an older build without the cap reads the whole text too).
# Usage: scripts/bench_analyze_sizes.sh   (env: RUNS=3, BASELINE=, SIZES="1 4 16")
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" ${SIZES:-1 4 16} <<'PY'
import json, pathlib, subprocess, sys
work, sizes = pathlib.Path(sys.argv[1]), [int(s) for s in sys.argv[2:]]
corpus = pathlib.Path("../shared/corpus")
docs = []
for name in ["reuters-dev.jsonl", "multilingual-dev.jsonl"]:
    path = corpus / name
    if path.exists():
        for line in path.open(encoding="utf-8"):
            v = json.loads(line)
            docs.append((v.get("title") or "") + "\n" + (v.get("body") or ""))
if not docs:
    out = subprocess.run(["python3", "scripts/gen_articles.py", "3000"], capture_output=True,
                         text=True, check=True).stdout
    docs = [json.loads(l)["title"] + "\n" + json.loads(l)["body"] for l in out.splitlines()]
blob = "\n\n".join(docs)
for mb in [0] + sizes:
    n = mb * 1024 * 1024 or 1024
    text = (blob * (n // len(blob) + 1)).encode()[:n].decode("utf-8", "ignore")
    (work / f"text{mb}.txt").write_text("Big file\n\n" + text, encoding="utf-8")
PY
printf '[analysis]\nmax_bytes = 100000000\n' > "$work/config.toml"
kiosk=$(realpath -m "${CARGO_TARGET_DIR:-target}")/release/kiosk
declare -A binaries=([this]=$kiosk)
names=(this)
if [ -n "${BASELINE:-}" ]; then binaries[baseline]=$BASELINE; names=(baseline this); fi
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() {
    local kiosk=$1 file=$2 config=()
    [ "$kiosk" = "${binaries[this]}" ] && config=(--config "$work/config.toml")
    local start end
    start=$(date +%s%N)
    "$kiosk" "${config[@]}" analyze --json "$file" > /dev/null
    end=$(date +%s%N)
    python3 -c "print(($end - $start) / 1e9)"
}
echo "kiosk analyze of one text, $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s | %-7s | %-9s | %-24s | %s\n' build size "median s" runs "MB/s after start-up"
for name in "${names[@]}"; do
    kiosk=${binaries[$name]}
    idle=$(for _ in $(seq "$runs"); do seconds "$kiosk" "$work/text0.txt"; done | tr '\n' ' ')
    idle=$(echo "$idle" | median)
    for mb in ${SIZES:-1 4 16}; do
        times=$(for _ in $(seq "$runs"); do seconds "$kiosk" "$work/text$mb.txt"; done | tr '\n' ' ')
        m=$(echo "$times" | median)
        rate=$(python3 -c "print(f'{$mb * 1.048576 / max($m - $idle, 1e-3):.1f}')")
        printf '%-9s | %-7s | %-9s | %-24s | %s\n' "$name" "${mb} MiB" "$m" "$times" "$rate"
    done
done
