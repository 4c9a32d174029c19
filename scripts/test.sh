#!/usr/bin/env bash
# Install what the template's tests need into .venv, then run them; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# uv makes the venv and installs into it in seconds, from the same index as pip. A machine
# without uv gets the pinned one from PyPI with pip, into .venv itself.
uv=$(command -v uv || echo .venv/bin/uv)
if [ ! -x "$uv" ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet "$(grep '^uv==' requirements-test.txt)"
fi
# This machine's python3, as before: uv never downloads an interpreter here.
"$uv" venv --quiet --allow-existing --no-python-downloads --python python3 .venv
"$uv" pip install --quiet --python .venv/bin/python -r requirements-test.txt
# The suite mostly waits on worker processes, so it runs more test processes than cores; an
# idle one takes tests queued for a busy one (worksteal), as their lengths differ a hundredfold.
exec .venv/bin/python -m pytest -n 4 --dist worksteal "$@"
