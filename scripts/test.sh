#!/usr/bin/env bash
# The one command that sets up and runs every check:
#   bash scripts/test.sh [--fast] [pytest args...]
# --fast: the quick loop while working: no browser, PostgreSQL, LibreOffice or nginx test (and
#   none of their Debian packages installed); CI and a finished change run it all.
# 1. scripts/setup.sh --dev  2. Debian's chromium, postgresql, libreoffice-impress and
#    poppler-utils when missing (apt-get)
# 3. ruff format --check, ruff check  4. indicators check --demo (every published fact)
# 5. pytest, in parallel (exit code 5, "no tests ran", is a failure).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fast=0
if [[ "${1:-}" == "--fast" ]]; then
    fast=1
    shift
fi

bash scripts/setup.sh --dev

# --- system packages for the browser, PostgreSQL, deck and serve tests -------------------------
if [[ $fast -eq 0 ]]; then
    source scripts/apt.sh
    apt_install_missing chromium:chromium 'postgresql:/usr/lib/postgresql/*/bin/initdb' \
        libreoffice-impress:soffice poppler-utils:pdftoppm nginx:/usr/sbin/nginx
fi

# --- lint ------------------------------------------------------------------------------------
echo "test.sh: ruff format --check ."
.venv/bin/ruff format --check .
echo "test.sh: ruff check ."
.venv/bin/ruff check .

# --- the bundled data, published and generated, against every published fact ------------------
echo "test.sh: python -m indicators check --demo"
.venv/bin/python -m indicators check --demo

# --- tests -----------------------------------------------------------------------------------
args=("$@")
if [[ $fast -eq 1 ]]; then
    args=(-m "not browser and not postgres and not tools" "${args[@]}")
fi
# in parallel (pytest-xdist): PAR_TEST_WORKERS workers (default: one per core; 0: one process);
# the browser, PostgreSQL and tools tests each keep to one worker (tests/conftest.py)
workers="${PAR_TEST_WORKERS:-auto}"
if [[ "$workers" != "0" ]]; then
    args=(-n "$workers" --dist loadgroup "${args[@]}")
fi
echo "test.sh: pytest ${args[*]}"
rc=0
.venv/bin/pytest "${args[@]}" || rc=$?
if [[ $rc -eq 5 ]]; then
    echo "test.sh: pytest collected no tests; that counts as a failure" >&2
    exit 1
fi
exit "$rc"
