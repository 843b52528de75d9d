#!/usr/bin/env bash
# Idempotent project setup: create .venv (Python 3.11) if absent and install the requirements.
#   bash scripts/setup.sh          # runtime requirements (requirements.txt)
#   bash scripts/setup.sh --dev    # development requirements (requirements-dev.txt)
# pip is skipped when .venv holds a stamp whose hash matches the requirement files.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode=main
req=requirements.txt
for arg in "$@"; do
    case "$arg" in
        --dev) mode=dev; req=requirements-dev.txt ;;
        -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
    esac
done

venv=.venv

find_python() {
    if [[ -n "${PYTHON:-}" ]]; then echo "$PYTHON"; return; fi
    if command -v python3.11 >/dev/null 2>&1; then echo python3.11; return; fi
    # Fall back to python3 only when it is 3.11 (Debian bookworm's python3 is).
    if command -v python3 >/dev/null 2>&1 &&
        python3 -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
        echo python3; return
    fi
    echo "setup.sh: python3.11 not found (set PYTHON=/path/to/python3.11)" >&2
    exit 1
}

# A venv whose interpreter no longer runs (e.g. its base Python was removed) is rebuilt.
if [[ -d "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    echo "setup.sh: $venv is broken; recreating it" >&2
    rm -rf "$venv"
fi
if [[ ! -d "$venv" ]]; then
    py="$(find_python)"
    echo "setup.sh: creating $venv with $py"
    if ! "$py" -m venv "$venv"; then
        # Debian ships venv's pip bootstrap separately (python3.11-venv).
        rm -rf "$venv"
        sudo=()
        if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
        echo "setup.sh: installing Debian's python3.11-venv"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y python3.11-venv
        "$py" -m venv "$venv"
    fi
fi

# Chart images (PNG/SVG downloads, deck pictures) are drawn by Kaleido in Debian's Chromium:
# the dashboard needs it, so a failed install stops the set-up here, loudly.
source scripts/apt.sh
if ! apt_install_missing chromium:chromium; then
    echo "setup.sh: FAILED to install Debian's chromium, which draws the chart images;" \
        "install it (sudo apt-get install chromium) and run this again" >&2
    exit 1
fi

# The hash covers every requirement file (requirements-dev.txt includes requirements.txt),
# the mode and the venv's Python version.
hash="$(
    {
        echo "mode=$mode"
        "$venv/bin/python" -c 'import sys; print(sys.version)'
        for f in requirements*.txt; do echo "== $f"; cat "$f"; done
    } | sha256sum | cut -d' ' -f1
)"
stamp="$venv/.setup-stamp-$mode"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$hash" ]]; then
    echo "setup.sh: $venv is up to date with $req"
    exit 0
fi

rm -f "$stamp"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req"
echo "$hash" >"$stamp"
echo "setup.sh: installed $req into $venv"
