"""The baked project's own test harness (its tests/harness package), driven from here.

The template suite runs real workers with the same code a plugin author keeps, so a
fix to one is a fix to both. Only what the template needs beyond it lives here.
"""

import importlib
import importlib.util
import sys
from functools import cache


@cache
def _package(project):
    """The baked project's ``harness`` package, imported under a name of its own per project."""
    init = project / "tests" / "harness" / "__init__.py"
    name = f"baked_harness_{abs(hash(str(init)))}"
    spec = importlib.util.spec_from_file_location(
        name, init, submodule_search_locations=[str(init.parent)]
    )
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package
    spec.loader.exec_module(package)
    return name


def module(project, name):
    """The baked project's ``harness.<name>`` module."""
    return importlib.import_module(f"{_package(project)}.{name}")


def workers(project):
    return module(project, "workers")


def browser(project):
    """The baked project's ``harness.browser`` module (Playwright must be importable)."""
    return module(project, "browser")


def worker_type(project, python, app="girder_worker.app"):
    """The baked project's Worker, run by another interpreter (a venv's) and Celery app."""

    class VenvWorker(workers(project).Worker):
        def command(self):
            return [str(python), "-m", "celery", "-A", app, *self.worker_args()]

    return VenvWorker
