"""Cases that need a part this machine may lack (a Docker engine, a browser): left out by name."""

import os

import pytest


def require(case, what, reason, variable):
    """Skip case, naming it, what it stands for and why, unless reason is None; where variable
    is 1 (as CI sets it), fail instead."""
    if reason is None:
        return
    if os.environ.get(variable) == "1":
        pytest.fail(reason)
    pytest.skip(f"left out {case}, {what}: {reason}")
