# Sourced by the image scripts: debian_root DIR PACKAGES debootstraps a minimal bookworm with
# PACKAGES (comma-separated) into DIR, from the Debian mirror apt uses, and empties its caches.
debian_root() {
  local root=$1 packages=$2 mirror
  mirror=$( (grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list \
    /etc/apt/sources.list.d/ 2>/dev/null || true) | head -n 1 | awk '{print $2}')
  debootstrap --variant=minbase --include="$packages" bookworm "$root" \
    "${mirror:-http://deb.debian.org/debian}" >&2
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
}
