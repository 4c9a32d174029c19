"""A real ``celery -A girder_worker.app worker`` finds the baked plugin and runs its task.

Each case installs one bake into a venv of its own and runs the baked project's own
test suite there, pointed at one broker. Its tests/test_worker.py starts the worker
process, reads the task list the worker printed, runs example_client.py as a user
would and expects 121393, sends bad input through the worker, then stops the worker.
That suite is what a plugin author keeps, so the proof stays with the plugin.
"""

import pytest

from support import brokers, venvs
from support.brokers import without_test_brokers

BAKES = {
    "default": {},
    "every-option": {
        "plugin_name": "image_tools",
        "progress_task": True,
        "dedicated_queue": True,
        "girder_io_task": True,
        "docker_task": True,
    },
}
CASES = [
    (brokers.EMBEDDED, "default"),
    (brokers.RABBITMQ, "default"),
    (brokers.REDIS, "default"),
    (brokers.EMBEDDED, "every-option"),
    (brokers.RABBITMQ, "every-option"),
]
WORKER_TESTS = (
    "test_worker.py::test_the_worker_lists_the_task_it_found_through_the_entry_point",
    "test_worker.py::test_the_example_client_prints_the_26th_fibonacci_number",
    "test_worker.py::test_bad_input_fails_with_an_error_that_says_what_is_allowed_and_the_worker_serves_on",
)


@pytest.mark.parametrize(
    ("broker", "bake"), CASES, ids=[f"broker={b.name}-bake={name}" for b, name in CASES]
)
def test_the_baked_suite_passes_with_a_real_worker_on_each_broker(installed_plugin, broker, bake):
    broker.require()
    project, python = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | broker.baked_test_environment()
    run, counts = venvs.run_pytest(python, project, "-rA", env=env)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    for test in WORKER_TESTS:
        assert f"PASSED tests/{test}" in run.stdout, test
    # Only cancelling needs a broker that broadcasts, which the embedded one does not.
    expected_skips = 1 if bake == "every-option" and broker is brokers.EMBEDDED else 0
    assert counts["skipped"] == expected_skips, run.stdout[-2000:]
    assert counts["failed"] == counts["error"] == 0
    assert venvs.processes_started_by(python) == [], "a worker outlived its test"
