"""The baked project's own suite passes: its fast tier with no server at all, its e2e tier
with a real ``celery -A girder_worker.app worker`` (and a real Girder server) on each broker.

Each bake is installed once into a venv of its own. The baked suite is what a plugin
author keeps, so the proof stays with the plugin; these tests only read what it reports.
"""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from support import brokers, browser, docker_engine, venvs
from support.baking import EVERY_OPTION, QUESTIONS
from support.brokers import without_test_brokers

BAKES = {
    "default": {},
    "every-option": EVERY_OPTION,
    # Installed where Girder is not, as on a worker-only host.
    "girder_plugin=False": {"girder_plugin": False},
    "web_client=False": {"web_client": False},
    "dedicated_queue=True": {"dedicated_queue": True},
    # The worker image differs between bakes by its queue's name only: this one has its own.
    "deployment=True-dedicated_queue=True": {"deployment": True, "dedicated_queue": True},
}
# The e2e tier, split so that each run needs only the parts it names: a broker for every case;
# docker and browser apart.
# The embedded broker, which every machine has, runs the default bake's whole tier, and the
# progress example's cancel; RabbitMQ runs the every-option bake's, and with Redis the tests of
# the default bake that talk to the broker. Every test of a bake thus runs on at least one
# broker, and every broker runs those that depend on it.
ON_ANY_BROKER = "e2e and not docker and not browser"
BROKER_TESTS = ("tests/test_worker.py", "tests/test_girder.py")
# The deployment kit's doctor asks the broker itself; RabbitMQ runs it in the every-option bake.
DOCTOR = ("tests/test_doctor.py",)
E2E_CASES = [
    (brokers.RABBITMQ, "every-option", ON_ANY_BROKER, ()),
    (brokers.EMBEDDED, "default", ON_ANY_BROKER, ()),
    (brokers.EMBEDDED, "every-option", ON_ANY_BROKER, ("tests/test_sequence.py",)),
    (brokers.REDIS, "default", ON_ANY_BROKER, BROKER_TESTS),
    (brokers.RABBITMQ, "default", ON_ANY_BROKER, BROKER_TESTS),
    (brokers.REDIS.in_database(4), "deployment=True-dedicated_queue=True", ON_ANY_BROKER, DOCTOR),
    (brokers.EMBEDDED, "girder_plugin=False", ON_ANY_BROKER, ()),
]
# The worker image speaks AMQP, so its tests run on RabbitMQ, with a bake whose queue is its
# own (the image differs between bakes by its queue's name only). The rest run on Redis, each
# in a database of its own, or on the embedded broker.
PART_CASES = {
    "docker-bake=deployment=True-dedicated_queue=True": (
        brokers.RABBITMQ,
        "deployment=True-dedicated_queue=True",
        "docker and not browser",
        [docker_engine],
    ),
    # On the embedded broker, the default path: the progress page's Cancel runs there.
    "browser-bake=every-option": (
        brokers.EMBEDDED,
        "every-option",
        "browser",
        [browser, docker_engine],
    ),
    "browser-bake=default": (brokers.REDIS.in_database(2), "default", "browser", [browser]),
    "docker-bake=every-option": (
        brokers.REDIS.in_database(1),
        "every-option",
        "docker and not image and not browser",
        [docker_engine],
    ),
}


def queue_of(bake):
    """The queue of a bake's tasks, where its session worker takes them from."""
    answers = BAKES[bake]
    if answers.get("dedicated_queue"):
        return answers.get("plugin_name", QUESTIONS["plugin_name"])
    return "celery"


def test_no_two_runs_share_a_queue_so_all_may_run_at_once():
    # Runs that shared one would take each other's tasks, and a test that holds a queue back
    # would find another run's worker on it. Embedded runs each have files of their own.
    runs = [(broker, bake) for broker, bake, *_ in E2E_CASES]
    runs += [(broker, bake) for broker, bake, *_ in PART_CASES.values()]
    queues = [
        (broker.name, broker.database, queue_of(bake))
        for broker, bake in runs
        if broker is not brokers.EMBEDDED
    ]
    assert [queue for queue, count in Counter(queues).items() if count > 1] == []


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


def run_baked_tier(installed, marker, env, *paths, processes=0):
    project, python = installed
    run, counts = venvs.run_pytest(
        python, project, "-m", declared(marker, project), *paths, env=env, processes=processes
    )
    errors = [line for line in run.stdout.splitlines() if line.startswith(("E ", "FAILED"))]
    report = "\n".join(errors[-60:]) + "\n" + run.stdout[-2000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert counts["passed"] > 0, report
    assert counts["failed"] == counts["error"] == counts["skipped"] == 0, report
    return counts


# Longest first: the test processes start these before anything else.
@pytest.mark.e2e
@pytest.mark.parametrize(
    "case", PART_CASES, ids=[f"{case}-broker={PART_CASES[case][0].name}" for case in PART_CASES]
)
def test_baked_docker_and_browser_tests_pass(installed_plugin, case):
    """The baked tests that need a Docker engine or a browser pass with them."""
    broker, bake, tier, parts = PART_CASES[case]
    broker.require()
    for part in parts:
        part.require(case)
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | broker.baked_test_environment()
    run_baked_tier(installed, tier, env)


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("broker", "bake", "tier", "paths"),
    E2E_CASES,
    ids=[f"broker={broker.name}-bake={bake}" for broker, bake, *_ in E2E_CASES],
)
def test_baked_e2e_tier_passes_on_each_broker(installed_plugin, broker, bake, tier, paths):
    """The baked e2e tier passes with a real worker on each broker."""
    broker.require()
    installed = installed_plugin(**BAKES[bake])
    env = without_test_brokers() | broker.baked_test_environment()
    run_baked_tier(installed, tier, env, *paths)
    assert venvs.processes_started_by(installed[1]) == [], "a worker outlived its test"


@pytest.mark.e2e
def test_two_sessions_at_once_keep_to_their_own_tasks(installed_plugin):
    """Two test sessions of one bake at once on the embedded broker, as two terminals or two
    CI jobs run them: each session's worker runs the tasks of its session, and only those."""
    installed = installed_plugin()
    test = "tests/test_worker.py::test_the_sessions_worker_runs_every_task_it_sends"
    env = without_test_brokers()
    with ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(run_baked_tier, installed, "e2e", env, test) for _ in range(2)]
        assert [run.result()["passed"] for run in runs] == [1, 1]


FAST_TIER_BAKES = ["default", "every-option", "girder_plugin=False", "web_client=False"]


@pytest.mark.e2e
@pytest.mark.parametrize("bake", FAST_TIER_BAKES, ids=[f"bake={name}" for name in FAST_TIER_BAKES])
def test_the_baked_fast_tier_passes_with_no_server_at_all(installed_plugin, bake):
    installed = installed_plugin(**BAKES[bake])
    counts = run_baked_tier(installed, "not e2e", without_test_brokers())
    assert counts["deselected"] > 0, "the e2e tier was not left out"
    if BAKES[bake].get("girder_plugin") is False:
        probe = venvs.run_python(installed[1], "-c", "import girder")
        assert "No module named 'girder'" in probe.stderr


# The default bake's whole suite bar the parts that need more than a venv (docker, a browser),
# and the every-option bake's fast tier: those run beside the others.
UV_CASES = {
    "default": "not docker and not browser",
    "every-option": "not e2e",
}


@pytest.mark.e2e
@pytest.mark.parametrize("bake", UV_CASES, ids=[f"bake={name}" for name in UV_CASES])
def test_the_baked_suite_passes_in_a_venv_that_uv_made(uv_venv_plugin, bake):
    """A venv made by uv has no pip: nothing in the baked suite may need it."""
    installed = uv_venv_plugin(**BAKES[bake])
    probe = venvs.run_python(installed[1], "-m", "pip", "--version")
    assert "No module named pip" in probe.stderr, probe.stdout + probe.stderr
    env = without_test_brokers() | brokers.EMBEDDED.baked_test_environment()
    # In the two test processes of the baked configuration, as its author runs it.
    run_baked_tier(installed, UV_CASES[bake], env, processes=2)
