# Sourced by the image scripts, which build an image from a debootstrapped Debian:
#   debian_root NAME PACKAGES   print NAME and end the script if the engine has that image;
#                               else debootstrap a minimal bookworm with PACKAGES
#                               (comma-separated), from the Debian mirror apt uses, into $root,
#                               a directory removed when the script ends
#   import_root NAME [OPTION...]  import $root as the image NAME (docker import OPTIONs), print NAME
debian_root() {
  local name=$1 packages=$2 mirror
  if docker image inspect "$name" >/dev/null 2>&1; then
    echo "$name"
    exit 0
  fi
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mirror=$( (grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list \
    /etc/apt/sources.list.d/ 2>/dev/null || true) | head -n 1 | awk '{print $2}')
  debootstrap --variant=minbase --include="$packages" bookworm "$root" \
    "${mirror:-http://deb.debian.org/debian}" >&2
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
}

import_root() {
  local name=$1
  shift
  tar -C "$root" -c . | docker import \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    "$@" - "$name" >/dev/null
  echo "$name"
}
