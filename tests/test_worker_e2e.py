"""The baked project's own suite passes: its fast tier with no server at all, its e2e tier
with a real ``celery -A girder_worker.app worker`` (and a real Girder server) on each broker.

Each bake is installed once into a venv of its own. The baked suite is what a plugin
author keeps, so the proof stays with the plugin; these tests only read what it reports.
"""

import fcntl
from contextlib import contextmanager

import pytest

from support import brokers, browser, docker_engine, venvs
from support.baking import EVERY_OPTION
from support.brokers import without_test_brokers

pytestmark = pytest.mark.e2e

BAKES = {
    "default": {},
    "every-option": EVERY_OPTION,
    # Installed where Girder is not, as on a worker-only host.
    "girder_plugin=False": {"girder_plugin": False},
    "web_client=False": {"web_client": False},
}
# The e2e tier, split so that each run needs only the parts it names: a broker for every case;
# broadcast (canceling, asking workers) on RabbitMQ and Redis; docker and browser apart.
# Redis runs what talks to the broker; the embedded broker, which every machine has, runs all.
ON_ANY_BROKER = "e2e and not docker and not browser"
BROKER_TESTS = ("tests/test_worker.py", "tests/test_girder.py", "tests/test_doctor.py")
E2E_CASES = [
    (brokers.EMBEDDED, "default", f"{ON_ANY_BROKER} and not broadcast", ()),
    (brokers.RABBITMQ, "default", ON_ANY_BROKER, ()),
    (brokers.REDIS, "default", ON_ANY_BROKER, BROKER_TESTS),
    (brokers.RABBITMQ, "every-option", ON_ANY_BROKER, ()),
    (brokers.EMBEDDED, "girder_plugin=False", f"{ON_ANY_BROKER} and not broadcast", ()),
]
# On RabbitMQ, which the worker image speaks. One bake builds the image, which differs
# between bakes by one value; the every-option bake runs the container example.
PART_CASES = {
    "docker-bake=default": ("default", "docker and not browser", [docker_engine]),
    "docker-bake=every-option": (
        "every-option",
        "docker and not image and not browser",
        [docker_engine],
    ),
    "browser-bake=default": ("default", "browser", [browser]),
    "browser-bake=every-option": ("every-option", "browser", [browser, docker_engine]),
}


@pytest.fixture
def alone_on(tmp_path_factory):
    """Runs of one bake on one broker share its queues, so they take turns, across the test
    processes of this run: a lock file per broker and bake, in the run's temporary directory."""
    run_dir = tmp_path_factory.getbasetemp().parent

    @contextmanager
    def turn(broker, bake):
        with (run_dir / f"{broker.name}-{bake}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    return turn


def declared(marker, project):
    """marker less its "not <name>" terms for markers that the baked project does not declare
    (a bake without a web client has no browser marker, and pytest refuses unknown ones)."""
    pyproject = (project / "pyproject.toml").read_text()
    terms = marker.split(" and ")
    return " and ".join(
        term
        for term in terms
        if not term.startswith("not ") or f'"{term.removeprefix("not ")}:' in pyproject
    )


def run_baked_tier(installed, marker, env, *paths):
    project, python = installed
    run, counts = venvs.run_pytest(
        python, project, "-m", declared(marker, project), *paths, env=env
    )
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
    ("broker", "bake", "tier", "paths"),
    E2E_CASES,
    ids=[f"broker={broker.name}-bake={bake}" for broker, bake, *_ in E2E_CASES],
)
def test_the_baked_e2e_tier_passes_with_a_real_worker_on_each_broker(
    installed_plugin, alone_on, broker, bake, tier, paths
):
    broker.require()
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | broker.baked_test_environment()
    with alone_on(broker, bake):
        run_baked_tier(installed, tier, env, *paths)
    assert venvs.processes_started_by(installed[1]) == [], "a worker outlived its test"


@pytest.mark.parametrize("case", PART_CASES)
def test_the_baked_tests_that_need_a_docker_engine_or_a_browser_pass_with_them(
    installed_plugin, alone_on, case
):
    bake, tier, parts = PART_CASES[case]
    brokers.RABBITMQ.require()
    for part in parts:
        part.require(case)
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | brokers.RABBITMQ.baked_test_environment()
    with alone_on(brokers.RABBITMQ, bake):
        run_baked_tier(installed, tier, env)
