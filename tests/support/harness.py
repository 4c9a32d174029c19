"""The baked project's own worker harness (its tests/conftest.py), reused here.

The template suite drives real workers with the same code a plugin author keeps,
so a fix to one is a fix to both.
"""

import importlib.util
from functools import cache


@cache
def load(project):
    path = project / "tests" / "conftest.py"
    spec = importlib.util.spec_from_file_location(f"baked_harness_{abs(hash(path))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
