# Shared set-up of the bench scripts (sourced, not run): the repository as the working folder,
# the release build (or $KIOSK), a work folder ($KEEP, kept, or a temporary one removed on exit)
# and a config and data home inside it, so a user's own config and store are never touched.
# Sets KIOSK and work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[1]}")/.."
if [ -z "${KIOSK:-}" ]; then
    cargo build --release --quiet
    KIOSK=${CARGO_TARGET_DIR:-target}/release/kiosk
fi
work=${KEEP:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" HOME="$work"
