"""The baked project's own worker harness (its tests/conftest.py), reused here.

The template suite drives real workers with the same code a plugin author keeps,
so a fix to one is a fix to both. Only what the template needs beyond it lives here.
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


def worker_type(project, python, app="girder_worker.app"):
    """The baked project's Worker, run by another interpreter (a venv's) and Celery app."""

    class VenvWorker(load(project).Worker):
        def command(self):
            return [str(python), "-m", "celery", "-A", app, *self.worker_args()]

    return VenvWorker
