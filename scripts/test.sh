#!/usr/bin/env bash
# The one command that sets up and runs every check:
#   bash scripts/test.sh [pytest args...]
# 1. scripts/setup.sh --dev  2. Debian's chromium and postgresql when missing (apt-get)
# 3. ruff format --check, ruff check  4. pytest (exit code 5, "no tests ran", is a failure).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh --dev

# --- system packages for the browser and PostgreSQL tests ------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
if ((${#missing[@]})); then
    sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
    echo "test.sh: installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# --- lint ------------------------------------------------------------------------------------
echo "test.sh: ruff format --check ."
.venv/bin/ruff format --check .
echo "test.sh: ruff check ."
.venv/bin/ruff check .

# --- tests -----------------------------------------------------------------------------------
echo "test.sh: pytest $*"
rc=0
.venv/bin/pytest "$@" || rc=$?
if [[ $rc -eq 5 ]]; then
    echo "test.sh: pytest collected no tests; that counts as a failure" >&2
    exit 1
fi
exit "$rc"
