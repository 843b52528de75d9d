# Sourced by setup.sh and test.sh: install Debian packages that are missing.
#   apt_install_missing PACKAGE:PROBE ...
# PROBE is a command name (checked with `command -v`) or a glob of a file path; the package is
# installed with apt-get (via sudo when not root) only when its probe finds nothing.
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
    echo "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}
