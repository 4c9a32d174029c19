"""The plugin as girder_worker finds it, the Celery settings it makes (its embedded broker),
and its Fibonacci task, checked by its description."""

import importlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery
from girder_worker import GirderWorkerPluginABC
from girder_worker.app import app
from girder_worker.utils import types
from girder_worker.utils.decorators import argument

import {{ cookiecutter.package_name }}
from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}, broker
from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, fibonacci, nth_fibonacci
from {{ cookiecutter.package_name }}.described import Described


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


def test_a_filesystem_broker_gets_its_folders_and_transport(tmp_path):
    """Every process that loads the plugin class finds the embedded broker's folders."""
    app = Celery(broker=f"filesystem://{tmp_path}")
    {{ cookiecutter.plugin_class }}(app)
    options = app.conf.broker_transport_options
    assert options["data_folder_in"] == options["data_folder_out"] == str(tmp_path / "messages")
    assert (tmp_path / "messages").is_dir()
    assert app.conf.broker_transport == "{{ cookiecutter.package_name }}.broker:Transport"


@pytest.mark.parametrize(
    "url", ["filesystem://", "filesystem://relative/folder"], ids=["none", "relative"]
)
def test_a_broker_folder_that_is_not_absolute_is_refused(url):
    with pytest.raises(ValueError, match="absolute path after filesystem://"):
        broker.folder(url)


def test_another_broker_is_left_as_it_is():
    app = Celery(broker="amqp://guest:guest@localhost//")
    {{ cookiecutter.plugin_class }}(app)
    assert app.conf.broker_transport is None


def test_a_message_is_written_and_taken_by_renames(tmp_path, monkeypatch):
    """Written under another name, then renamed, and taken by a rename within the folder: a
    reader never takes a half-written one, nor two readers the same."""
    renames = []

    def recorded(rename):
        def recording(source, target):
            renames.append(target)
            return rename(source, target)

        return recording

    for name in ("rename", "replace"):
        monkeypatch.setattr(broker.os, name, recorded(getattr(broker.os, name)))
    with Celery(broker=f"filesystem://{tmp_path}") as app:
        {{ cookiecutter.plugin_class }}(app)
        with app.connection_for_write() as connection:
            queue = connection.SimpleQueue("q")
            queue.put({"n": 26})
            [message] = (tmp_path / "messages").iterdir()
            taken = queue.get(timeout=1)
            taken.ack()
            assert taken.payload == {"n": 26}
    assert renames == [str(message), f"{message}.taken"]
    assert list((tmp_path / "messages").iterdir()) == []
    assert oct((tmp_path / "messages").stat().st_mode & 0o777) == "0o700"


def test_a_task_that_takes_nothing_is_described_so():
    @app.task(base=Described)
    def takes_nothing():
        return 1

    assert takes_nothing.describe()["inputs"] == []
    assert takes_nothing() == 1


def test_a_type_that_cannot_be_checked_is_refused_by_name():
    @app.task(base=Described)
    @argument("shade", types.Color)
    def paint(shade):
        return shade

    with pytest.raises(TypeError, match="shade is a Color, which described tasks cannot check"):
        paint.describe()


RULE = f"n must be a whole number from 1 to {MAX_N}"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, 1), (2, 1), (3, 2), (10, 55), (26, 121393), (90, 2880067194370816120)],
    ids=lambda value: str(value),
)
def test_nth_fibonacci_gives_the_known_values(n, expected):
    assert nth_fibonacci(n) == expected


def test_each_number_is_the_sum_of_the_two_before_it():
    """Up to a large n."""
    assert nth_fibonacci(10_000) == nth_fibonacci(9_999) + nth_fibonacci(9_998)


def test_the_largest_allowed_result_can_be_written_as_text():
    assert len(str(nth_fibonacci(MAX_N))) < 4300


def test_the_task_computes_the_same_value_as_the_plain_function():
    assert fibonacci(26) == nth_fibonacci(26) == 121393


def test_the_task_describes_n_with_its_range():
    """The description is the one source of n's rules: the route, its docs and its page."""
    [n] = fibonacci.describe()["inputs"]
    assert (n["name"], n["type"], n["min"], n["max"]) == ("n", "integer", 1, MAX_N)


@pytest.mark.parametrize(
    "bad",
    ["26", "x", True, 1.5, None, [26], 26.0],
    ids=["str-number", "str-text", "bool", "float", "None", "list", "whole-float"],
)
def test_a_value_that_is_not_an_int_is_a_type_error_naming_it(bad):
    with pytest.raises(TypeError, match=re.escape(f"{RULE}, got {bad!r}")):
        fibonacci(bad)


@pytest.mark.parametrize("bad", [0, -1, MAX_N + 1], ids=["zero", "negative", "above-max"])
def test_an_int_out_of_range_is_a_value_error_naming_the_range(bad):
    with pytest.raises(ValueError, match=f"{RULE}, got {bad}"):
        fibonacci(bad)


def test_delay_refuses_a_bad_n_before_anything_is_queued():
    """No broker is asked: the check comes first, with the route's message."""
    with pytest.raises(ValueError, match=f"{RULE}, got 0"):
        fibonacci.delay(0)


def test_the_registered_task_carries_the_girder_job_title():
    # @girder_job must sit above @app.task; below it, it would label the bare function
    # and girder_worker would title every job "<unnamed job>".
    task = app.tasks[fibonacci.name]
    assert task._girder_job_title == "Fibonacci number"
    assert task._girder_job_type == "{{ cookiecutter.package_name }}.fibonacci"
