"""A real ``celery -A girder_worker.app worker`` finds the baked plugin and runs its task.

The template suite runs the baked project's own end-to-end test, tests/test_worker.py,
inside a venv that holds only that plugin: it starts the worker process, reads the
task list the worker printed, runs example_client.py as a user would and expects
121393, then stops the worker. The same test is what a plugin author keeps.
"""

import os
import re

import pytest

from support import brokers, venvs

PLUGINS = {"default": {}, "plugin_name=image_tools": {"plugin_name": "image_tools"}}
CASES = [(brokers.RABBITMQ, "default"), (brokers.REDIS, "default")] + [
    (brokers.EMBEDDED, plugin) for plugin in PLUGINS
]


def passed_and_failed(pytest_output):
    counts = dict.fromkeys(("passed", "failed", "skipped", "error"), 0)
    for number, word in re.findall(r"(\d+) (passed|failed|skipped|error)", pytest_output):
        counts[word] = int(number)
    return counts


@pytest.mark.parametrize(
    ("broker", "plugin"), CASES, ids=[f"broker={b.name}-plugin={p}" for b, p in CASES]
)
def test_a_real_worker_discovers_the_baked_task_and_the_client_prints_121393(
    installed_plugin, broker, plugin
):
    broker.require()
    project, python = installed_plugin(**PLUGINS[plugin])
    env = {k: v for k, v in os.environ.items() if k not in ("GW_TEST_BROKER", "GW_TEST_BACKEND")}
    env.update(broker.baked_test_environment())
    run = venvs.run_python(
        python,
        *("-m", "pytest", "-p", "no:cacheprovider", "-q", "tests/test_worker.py"),
        cwd=project,
        env=env,
        timeout=300,
    )
    counts = passed_and_failed(run.stdout)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert counts == {"passed": 2, "failed": 0, "skipped": 0, "error": 0}, run.stdout[-2000:]
    assert venvs.processes_started_by(python) == [], "a worker outlived its test"
