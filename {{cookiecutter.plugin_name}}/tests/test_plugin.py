import importlib
import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery
from girder_worker import GirderWorkerPluginABC

import {{ cookiecutter.package_name }}
from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}
from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci


def plugin_entry_point():
    points = importlib.metadata.entry_points(group="girder_worker_plugins")
    matches = [point for point in points if point.name == "{{ cookiecutter.plugin_name }}"]
    assert matches, "the entry point is missing: is the project installed (pip install -e .)?"
    return matches[0]


def test_the_entry_point_loads_the_plugin_class():
    plugin_class = plugin_entry_point().load()
    assert plugin_class is {{ cookiecutter.plugin_class }}
    assert issubclass(plugin_class, GirderWorkerPluginABC)


def test_plugin_names_every_analyses_module_and_each_imports():
    modules = {{ cookiecutter.plugin_class }}(Celery()).task_imports()
    assert "{{ cookiecutter.package_name }}.analyses.tasks" in modules
    on_disk = Path({{ cookiecutter.package_name }}.ANALYSES).glob("[!_]*.py")
    expected = [f"{{ cookiecutter.package_name }}.analyses.{path.stem}" for path in on_disk]
{% if cookiecutter.deployment %}
    expected.append("{{ cookiecutter.package_name }}.probe")
{% endif %}
    assert sorted(modules) == sorted(expected)
    for module in modules:
        importlib.import_module(module)


def test_plugin_sets_the_time_limit_and_is_idempotent():
    """The plugin sets the time limit, and building it twice changes nothing."""
    app = Celery()
    {{ cookiecutter.plugin_class }}(app)
    first = dict(app.conf)
    {{ cookiecutter.plugin_class }}(app)
    assert app.conf.task_time_limit == {{ cookiecutter.package_name }}.TASK_TIME_LIMIT
    assert dict(app.conf) == first


@pytest.mark.e2e
def test_worker_app_imports_with_the_plugin_and_has_its_task():
    # A fresh interpreter, as a worker starts: any installed plugin that fails to
    # import breaks this line for every plugin, and the error names the module.
    probe = (
        "from girder_worker.app import app; app.loader.import_default_modules();"
        "print(app.conf.task_time_limit, *app.tasks)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"import girder_worker.app failed:\n{run.stderr}"
    time_limit, *tasks = run.stdout.split()
    assert fibonacci.name in tasks
    # girder_worker configures its app after loading plugins: the plugin's settings must last.
    assert int(time_limit) == {{ cookiecutter.package_name }}.TASK_TIME_LIMIT
