#!/usr/bin/env bash
# Install what the template's tests need into .venv, then run them; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -r requirements-test.txt
# The suite mostly waits on worker processes, so it runs more test processes than cores; an
# idle one takes tests queued for a busy one (worksteal), as their lengths differ a hundredfold.
exec .venv/bin/python -m pytest -n 4 --dist worksteal "$@"
