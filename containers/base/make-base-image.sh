#!/usr/bin/env bash
# Makes the local base images the Claimwire images build on where no registry can be reached:
#   claimwire/debian-base:bookworm   a debootstrap --variant=minbase Debian 12 root file system, imported
#   claimwire/jre-base:17            that plus openjdk-17-jre-headless (Debian's), the services' runtime
# Both are reused when present (delete them with `docker rmi` to rebuild). Needs root (debootstrap) and a
# Docker daemon. The Debian mirror is the one apt already uses on this machine (override: DEBIAN_MIRROR).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEBIAN_IMAGE="${CLAIMWIRE_DEBIAN_BASE:-claimwire/debian-base:bookworm}"
JRE_IMAGE="${CLAIMWIRE_JRE_BASE:-claimwire/jre-base:17}"

log() { printf '[base-image] %s\n' "$*"; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

apt_mirror() {
  [[ -n "${DEBIAN_MIRROR:-}" ]] && { echo "$DEBIAN_MIRROR"; return; }
  # deb822 sources (URIs: ...) first, then one-line sources (deb URL bookworm ...).
  local f
  for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$f" ]] || continue
    awk '/^URIs:/ && $2 ~ /debian\/?$/ {print $2; exit}
         /^deb / && $3 ~ /^(bookworm)$/ && $2 ~ /debian\/?$/ {print $2; exit}' "$f"
  done | head -1
}

if ! have_image "$DEBIAN_IMAGE"; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
  [[ $(id -u) -eq 0 ]] || { echo "debootstrap needs root" >&2; exit 1; }
  mirror="$(apt_mirror)"
  [[ -n "$mirror" ]] || mirror=http://deb.debian.org/debian
  rootfs="$(mktemp -d /tmp/claimwire-rootfs.XXXXXX)"
  trap 'rm -rf "$rootfs"' EXIT
  log "debootstrap --variant=minbase bookworm from $mirror (about 2 minutes)"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/claimwire-debootstrap.log 2>&1 \
    || { echo "debootstrap failed; see /tmp/claimwire-debootstrap.log" >&2; exit 1; }
  # Smaller image: no apt lists or package cache in the layer.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
  tar -C "$rootfs" --numeric-owner -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["bash"]' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"; trap - EXIT
  log "imported $DEBIAN_IMAGE"
else
  log "reusing $DEBIAN_IMAGE"
fi

if ! have_image "$JRE_IMAGE"; then
  log "building $JRE_IMAGE (openjdk-17-jre-headless from Debian)"
  docker build --network host -q --build-arg "DEBIAN_BASE=$DEBIAN_IMAGE" -t "$JRE_IMAGE" \
    -f "$HERE/Dockerfile.jre" "$HERE" >/dev/null
  log "built $JRE_IMAGE"
else
  log "reusing $JRE_IMAGE"
fi
