#!/usr/bin/env bash
# Long fuzz run (issue 19): the mutation fuzzers of tests/fuzz.rs and tests/properties.rs in a
# release build, rounds of CASES cases per target with fresh random seeds, until SECONDS have
# passed. Prints the cases run per round and stops at the first failure, leaving its log (with
# the minimal failing input proptest printed) in fuzz-failure.log; add that input to REGRESSIONS
# in tests/fuzz.rs (or SEEDS in tests/properties.rs) so every later run replays it.
# Usage: scripts/fuzz.sh [SECONDS]   (env: CASES=2000)
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-600}
cases=${CASES:-2000}
cargo build --release --tests --quiet
start=$(date +%s)
round=0
while [ $(( $(date +%s) - start )) -lt "$budget" ]; do
    round=$((round + 1))
    if ! PROPTEST_CASES=$cases cargo test --release --quiet --test fuzz --test properties \
        > fuzz-failure.log 2>&1; then
        echo "round $round failed: see fuzz-failure.log" >&2
        exit 1
    fi
    echo "round $round: $cases cases per target passed ($(( $(date +%s) - start )) s)"
done
rm -f fuzz-failure.log
echo "fuzz: $round rounds of $cases cases per target in $(( $(date +%s) - start )) s, no failure"
