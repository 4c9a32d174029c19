"""A real ``celery -A girder_worker.app worker`` finds the baked plugin and runs its task.

The template suite runs the baked project's own end-to-end test, tests/test_worker.py,
inside a venv that holds only that plugin: it starts the worker process, reads the
task list the worker printed, runs example_client.py as a user would and expects
121393, then stops the worker. The same test is what a plugin author keeps.
"""

import pytest

from support import brokers, venvs
from support.brokers import without_test_brokers

PLUGINS = {"default": {}, "plugin_name=image_tools": {"plugin_name": "image_tools"}}
EVERY_OPTION = {"plugin_name": "image_tools", "progress_task": True, "dedicated_queue": True}
CASES = [(brokers.RABBITMQ, "default"), (brokers.REDIS, "default")] + [
    (brokers.EMBEDDED, plugin) for plugin in PLUGINS
]


@pytest.mark.parametrize(
    ("broker", "plugin"), CASES, ids=[f"broker={b.name}-plugin={p}" for b, p in CASES]
)
def test_a_real_worker_discovers_the_baked_task_and_the_client_prints_121393(
    installed_plugin, broker, plugin
):
    broker.require()
    project, python = installed_plugin(**PLUGINS[plugin])
    env = without_test_brokers() | broker.baked_test_environment()
    run, counts = venvs.run_pytest(python, project, "tests/test_worker.py", env=env)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert counts == {"passed": 4, "failed": 0, "skipped": 0, "error": 0}, run.stdout[-2000:]
    assert venvs.processes_started_by(python) == [], "a worker outlived its test"


@pytest.mark.parametrize(
    "broker", [brokers.EMBEDDED, brokers.RABBITMQ], ids=lambda b: f"broker={b.name}"
)
def test_a_bake_with_every_option_passes_its_whole_suite_on_a_real_worker(installed_plugin, broker):
    broker.require()
    project, python = installed_plugin(**EVERY_OPTION)
    env = without_test_brokers() | broker.baked_test_environment()
    run, counts = venvs.run_pytest(python, project, env=env)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    # Only cancellation needs a broker that broadcasts; the embedded one does not.
    assert counts["skipped"] == (1 if broker.url is None else 0), run.stdout[-2000:]
    assert counts["failed"] == counts["error"] == 0
    assert venvs.processes_started_by(python) == [], "a worker outlived its test"
