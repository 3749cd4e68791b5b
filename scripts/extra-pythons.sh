#!/usr/bin/env bash
# Runs a command inside a Debian sid root that has the interpreters the host lacks:
# CPython 3.14 (also its Py_DEBUG build, python3.14d), CPython 3.15 and PyPy 3.11.
#
#   bash scripts/extra-pythons.sh CMD [ARGS...]     run CMD inside the root (cwd = the checkout)
#   bash scripts/extra-pythons.sh --ensure          only create the root
#
# Those interpreters need sid's C library, so they are not installed into the host: the root is
# made once with debootstrap into $PYO3_EXTRA_PYTHONS_DIR (default /var/cache/pyo3-extra-pythons,
# outside the repo) and reused when present. The command runs with the host's environment, and
# sees the host's Rust toolchain (~/.cargo, ~/.rustup), this checkout (same path), /proc, /dev,
# the CA certificates and pip's configuration, so cargo and pip reach the registries as on the
# host. Mounts live in a private mount namespace (unshare), so nothing is left mounted when the
# command ends, even if it fails. Needs root; never reads stdin. PYO3_EXTRA_PYTHONS_BINDS
# (colon-separated host directories) binds more directories at the same paths.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${PYO3_EXTRA_PYTHONS_DIR:-/var/cache/pyo3-extra-pythons}"
ROOT="$CACHE_DIR/sid"
READY="$ROOT/.pyo3-extra-pythons-ready"
MIRROR="${PYO3_EXTRA_PYTHONS_MIRROR:-http://deb.debian.org/debian}"
# Bump when the package list changes: a root made from an older list is extended in place.
PACKAGES_VERSION=1
PACKAGES=(
    python3.14-dev python3.14-dbg python3.14-venv
    python3.15-dev python3.15-venv
    pypy3 pypy3-dev pypy3-venv
    gcc libc6-dev pkg-config ca-certificates
)

export DEBIAN_FRONTEND=noninteractive
log() { printf '[extra-pythons] %s\n' "$*" >&2; }

[[ $(id -u) -eq 0 ]] || { log "must run as root (debootstrap, mount, chroot)"; exit 1; }

apt_in_root() {
    chroot "$1" apt-get -o Acquire::Check-Valid-Until=false -o APT::Install-Recommends=false \
        -o Dpkg::Use-Pty=0 -q -y "${@:2}" </dev/null
}

# Creates (or completes) the root. Serialised by a lock so two concurrent runs do not race.
ensure_root() {
    mkdir -p "$CACHE_DIR"
    exec 9>"$CACHE_DIR/.lock"
    flock 9
    if [[ -f "$READY" && "$(cat "$READY")" == "$PACKAGES_VERSION" ]]; then
        flock -u 9
        return
    fi
    if [[ ! -x "$ROOT/usr/bin/apt-get" ]]; then
        if ! command -v debootstrap >/dev/null 2>&1; then
            log "installing debootstrap on the host"
            apt-get -q update </dev/null
            apt-get -q -y install debootstrap </dev/null
        fi
        log "debootstrap sid into $ROOT (about a minute)"
        rm -rf "$ROOT.partial"
        debootstrap --variant=minbase sid "$ROOT.partial" "$MIRROR" </dev/null
        rm -rf "$ROOT"
        mv "$ROOT.partial" "$ROOT"
    fi
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    log "installing ${PACKAGES[*]}"
    EXTRA_PYTHONS_INSTALLING=1 with_mounts apt_in_root "$ROOT" update
    EXTRA_PYTHONS_INSTALLING=1 with_mounts apt_in_root "$ROOT" install "${PACKAGES[@]}"
    echo "$PACKAGES_VERSION" >"$READY"
    flock -u 9
}

# Runs "$@" (a host command) in a private mount namespace where the binds below exist.
with_mounts() {
    unshare --mount --propagation private -- "$BASH" -c '
        set -euo pipefail
        root=$1; shift
        bind() { mkdir -p "$root$2"; mount --rbind "$1" "$root$2"; }
        mount -t proc proc "$root/proc"
        bind /dev /dev
        # The host certificates, read-only: package installs inside regenerate their own.
        if [[ -z ${EXTRA_PYTHONS_INSTALLING:-} && -d /etc/ssl/certs ]]; then
            bind /etc/ssl/certs /etc/ssl/certs
            mount -o remount,bind,ro "$root/etc/ssl/certs"
        fi
        for d in "$HOME/.cargo" "$HOME/.rustup" /opt/wheels; do
            [[ -d $d ]] && bind "$d" "$d"
        done
        bind "$REPO_ROOT" "$REPO_ROOT"
        # Extra host directories a developer wants inside (colon-separated), e.g. tool caches.
        IFS=: read -ra extra <<<"${PYO3_EXTRA_PYTHONS_BINDS:-}"
        for d in "${extra[@]}"; do
            [[ -n $d && -d $d ]] && bind "$d" "$d"
        done
        # A target dir outside the checkout (developers set one) must be visible too.
        if [[ -n ${CARGO_TARGET_DIR:-} && $CARGO_TARGET_DIR != "$REPO_ROOT"* ]]; then
            mkdir -p "$CARGO_TARGET_DIR"; bind "$CARGO_TARGET_DIR" "$CARGO_TARGET_DIR"
        fi
        mkdir -p "$root/tmp"; chmod 1777 "$root/tmp"
        [[ -f /etc/pip.conf ]] && cp /etc/pip.conf "$root/etc/pip.conf"
        cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
        "$@"
    ' extra-pythons "$ROOT" "$@"
}

run_inside() {
    # pyenv shims and an active host virtualenv point at host-only paths.
    unset VIRTUAL_ENV PYENV_VERSION CONDA_PREFIX PYO3_PYTHON
    export REPO_ROOT
    with_mounts chroot "$ROOT" /usr/bin/env --chdir="$REPO_ROOT" "$@"
}

export REPO_ROOT
export -f apt_in_root
ensure_root
[[ ${1:-} == --ensure ]] && exit 0
[[ $# -gt 0 ]] || { log "usage: $0 CMD [ARGS...] | --ensure"; exit 2; }
run_inside "$@"
