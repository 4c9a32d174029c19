"""The baked project's own suite passes: its fast tier with no server at all, its e2e tier
with a real ``celery -A girder_worker.app worker`` (and a real Girder server) on each broker.

Each bake is installed once into a venv of its own. The baked suite is what a plugin
author keeps, so the proof stays with the plugin; these tests only read what it reports.
"""

import pytest

from support import brokers, docker_engine, venvs
from support.baking import EVERY_OPTION
from support.brokers import without_test_brokers

pytestmark = pytest.mark.e2e

BAKES = {
    "default": {},
    "every-option": EVERY_OPTION,
    # Installed where Girder is not, as on a worker-only host.
    "girder_plugin=False": {"girder_plugin": False},
}
E2E_CASES = [
    (brokers.EMBEDDED, "default"),
    (brokers.RABBITMQ, "default"),
    (brokers.REDIS, "default"),
    # Canceling needs a broker that broadcasts, so the every-option bake runs on RabbitMQ.
    (brokers.RABBITMQ, "every-option"),
    (brokers.EMBEDDED, "girder_plugin=False"),
]
# One bake builds the worker image, which differs between bakes by one value; the
# every-option bake runs the container example.
DOCKER_CASES = {"default": "docker", "every-option": "docker and not image"}


def run_baked_tier(installed, marker, env):
    project, python = installed
    run, counts = venvs.run_pytest(python, project, "-m", marker, env=env)
    errors = [line for line in run.stdout.splitlines() if line.startswith(("E ", "FAILED"))]
    report = "\n".join(errors[-60:]) + "\n" + run.stdout[-2000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert counts["passed"] > 0, report
    assert counts["failed"] == counts["error"] == counts["skipped"] == 0, report
    return counts


@pytest.mark.parametrize("bake", BAKES, ids=[f"bake={name}" for name in BAKES])
def test_the_baked_fast_tier_passes_with_no_server_at_all(installed_plugin, bake):
    installed = installed_plugin(**BAKES[bake])
    counts = run_baked_tier(installed, "not e2e", without_test_brokers())
    assert counts["deselected"] > 0, "the e2e tier was not left out"
    if BAKES[bake].get("girder_plugin") is False:
        probe = venvs.run_python(installed[1], "-c", "import girder")
        assert "No module named 'girder'" in probe.stderr


@pytest.mark.parametrize(
    ("broker", "bake"), E2E_CASES, ids=[f"broker={b.name}-bake={name}" for b, name in E2E_CASES]
)
def test_the_baked_e2e_tier_passes_with_a_real_worker_on_each_broker(
    installed_plugin, broker, bake
):
    broker.require()
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | broker.baked_test_environment()
    run_baked_tier(installed, "e2e and not docker", env)
    assert venvs.processes_started_by(installed[1]) == [], "a worker outlived its test"


@pytest.mark.parametrize(("bake", "tier"), DOCKER_CASES.items(), ids=DOCKER_CASES)
def test_the_baked_docker_tests_pass_on_a_real_engine_and_rabbitmq(installed_plugin, bake, tier):
    # The worker image speaks AMQP, girder_worker's default, so these run on RabbitMQ.
    brokers.RABBITMQ.require()
    docker_engine.require(f"bake={bake}")
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | brokers.RABBITMQ.baked_test_environment()
    run_baked_tier(installed, tier, env)
