#!/usr/bin/env bash
# Build a Debian Python base image with no registry: debootstrap a minimal bookworm with
# python3 and venv from the Debian mirror apt uses, imported as an image. Prints the image's
# name; does nothing if it exists already (it takes about a minute and 300 MB).
#   bash scripts/python-image.sh [NAME]     (needs debootstrap and a Docker engine, as root)
set -euo pipefail
. "$(dirname "$0")/debian-root.sh"
name=${1:-gw-test-python:bookworm}
debian_root "$name" python3,python3-venv
import_root "$name"
