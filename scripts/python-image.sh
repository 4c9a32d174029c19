#!/usr/bin/env bash
# Build a Debian Python base image with no registry: debootstrap a minimal bookworm with
# python3 and venv from the Debian mirror apt uses, imported as an image. Prints the image's
# name; does nothing if it exists already (it takes about a minute and 300 MB).
#   bash scripts/python-image.sh [NAME]     (needs debootstrap and a Docker engine, as root)
set -euo pipefail
name=${1:-gw-test-python:bookworm}
if docker image inspect "$name" >/dev/null 2>&1; then
  echo "$name"
  exit 0
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
. "$(dirname "$0")/debian-root.sh"
debian_root "$root" python3,python3-venv
tar -C "$root" -c . | docker import --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" - "$name" >/dev/null
echo "$name"
