# Sourced by setup.sh and test.sh: install Debian packages that are missing.
#   apt_install_missing PACKAGE:PROBE ...
# PROBE is a command name (checked with `command -v`) or a glob of a file path; the package is
# installed with apt-get (via sudo when not root) only when its probe finds nothing. A busy
# package manager (another apt or dpkg holding its lock) is waited for, up to APT_LOCK_WAIT
# seconds (default 900), never skipped; a package that still cannot be installed fails the
# caller (set -e) with apt's message, and a probe that still finds nothing afterwards says so.
apt_install_missing() {
    local missing=() item pkg probe
    for item in "$@"; do
        pkg="${item%%:*}"
        probe="${item#*:}"
        if [[ "$probe" == /* ]]; then
            compgen -G "$probe" >/dev/null && continue
        else
            command -v "$probe" >/dev/null 2>&1 && continue
        fi
        missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then sudo=(sudo); fi
    local wait="${APT_LOCK_WAIT:-900}"
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o "DPkg::Lock::Timeout=$wait")
    echo "installing Debian packages: ${missing[*]} (waiting up to ${wait} s for a busy apt)"
    "${apt[@]}" update
    "${apt[@]}" install -y "${missing[@]}"
    for item in "$@"; do
        pkg="${item%%:*}"
        probe="${item#*:}"
        if [[ "$probe" == /* ]]; then
            compgen -G "$probe" >/dev/null && continue
        else
            command -v "$probe" >/dev/null 2>&1 && continue
        fi
        echo "apt.sh: $pkg was installed but $probe is still missing" >&2
        return 1
    done
}
