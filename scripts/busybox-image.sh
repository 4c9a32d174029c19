#!/usr/bin/env bash
# Build a busybox image with no registry: Debian's static busybox and one relative link per
# applet, imported as an image. Prints the image's name; does nothing if it exists already.
#   bash scripts/busybox-image.sh [NAME]     (needs busybox-static and a Docker engine)
set -euo pipefail
name=${1:-gw-test-busybox:local}
if docker image inspect "$name" >/dev/null 2>&1; then
  echo "$name"
  exit 0
fi
busybox=/bin/busybox
# The image holds no C library, so the binary must be the static build.
if ! dpkg -s busybox-static >/dev/null 2>&1; then
  echo "the image needs Debian's busybox-static: apt-get install busybox-static" >&2
  exit 1
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
tar -C "$root" -c . | docker import --change "ENV PATH=/bin" - "$name" >/dev/null
echo "$name"
