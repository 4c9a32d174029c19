"""Fixtures of the end-to-end tests, wired from the parts in ``harness``. Each stops what it
starts; the slow ones (a worker{% if cookiecutter.girder_plugin %}, Girder's database{% endif %}) start once per session."""

import os
import subprocess
import sys
{% if cookiecutter.dedicated_queue %}
import uuid
from contextlib import ExitStack
{% endif %}

import pytest
{% if cookiecutter.docker_task or cookiecutter.deployment %}
from harness import PROJECT_ROOT, docker, workers
{% else %}
from harness import PROJECT_ROOT, workers
{% endif %}
{% if cookiecutter.girder_plugin %}
from harness import girder as girder_server
{% endif %}
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}

# The browser, the built web client and a page: see harness/browser.py.
pytest_plugins = ["harness.browser"]
{% endif %}


def pytest_xdist_auto_num_workers(config):
    """Two test processes, as the e2e tests mostly wait for a worker{% if cookiecutter.girder_plugin %} and Girder{% endif %}; one for the fast
    tier (-m "not e2e"), which starts sooner alone, and on GW_TEST_BROKER, where the two
    processes' workers would take each other's tasks from the broker's queues (on the
    embedded broker, each process has a folder of its own)."""
    if "not e2e" in config.option.markexpr or os.environ.get("GW_TEST_BROKER"):
        return 0
    return 2


@pytest.fixture(scope="session")
def broker_env(tmp_path_factory):
    """The GIRDER_WORKER_* variables of the test broker (see harness.workers)."""
    return workers.broker_environment(tmp_path_factory.mktemp("broker"))


@pytest.fixture(scope="session")
def worker_env(broker_env, tmp_path_factory):
    return workers.worker_environment(broker_env, tmp_path_factory.mktemp("worker-tmp"))


@pytest.fixture(scope="session")
def worker(worker_env, tmp_path_factory):
    """One worker of the plugin's queue for the whole session: each start takes seconds."""
    # Imported in the fixtures: a package that fails to import fails the tests, not conftest.
    from {{ cookiecutter.package_name }} import QUEUE

    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    # It has the tasks that only tests run, too (harness/tasks.py): one worker start, not two.
    path = filter(None, [str(PROJECT_ROOT / "tests"), os.environ.get("PYTHONPATH")])
    env = {**worker_env, "PYTHONPATH": os.pathsep.join(path)}
    extra_args = ["--queues", QUEUE, "--include", "harness.tasks"]
    with workers.running_worker(env, log_path, extra_args=extra_args) as running:
        yield running


{% if cookiecutter.dedicated_queue %}
@pytest.fixture
def start_worker(worker_env, tmp_path):
    """Start more workers, each with its own options and variables; all stop when the test ends."""
    with ExitStack() as stack:

        def start(*extra_args, env=None):
            log_path = tmp_path / f"worker-{uuid.uuid4().hex[:8]}.log"
            env = {**worker_env, **(env or {})}
            running = workers.running_worker(env, log_path, extra_args=extra_args)
            return stack.enter_context(running)

        yield start


{% endif %}
@pytest.fixture(scope="module")
def client(broker_env):
    """A Celery app that sends tasks by name on the test broker, as Girder does."""
    app = workers.client_app(broker_env)
    yield app
    app.close()


@pytest.fixture(scope="session")
def app_on_the_test_broker(broker_env):
    """girder_worker's app in this process, switched to the test broker: ``.delay()`` sends there."""
    return workers.girder_worker_app_on(broker_env)


@pytest.fixture
def run_example_client(worker_env):
    """Run example_client.py as a user would, on the test broker."""
    command = [sys.executable, "example_client.py"]
    options = {"cwd": PROJECT_ROOT, "env": worker_env, "capture_output": True, "text": True}
    return lambda: subprocess.run(command, timeout=120, **options)
{% if cookiecutter.docker_task or cookiecutter.deployment %}


@pytest.fixture(scope="module")
def docker_engine():
    """The local Docker engine; no container a test labels may outlive the module."""
    engine = docker.engine_or_skip()
    yield engine
    assert docker.leftover_containers(engine) == [], "containers left behind"
    engine.close()
{% endif %}
{% if cookiecutter.deployment %}


@pytest.fixture(scope="session")
def worker_image(tmp_path_factory):
    """The Dockerfile's image, built once per session the offline way (a wheelhouse, then no
    network) on GW_TEST_PYTHON_IMAGE, a Python image of the local engine: the tests never pull."""
    engine = docker.engine_or_skip()
    base_image = docker.image_or_skip(engine, "GW_TEST_PYTHON_IMAGE")
    context = tmp_path_factory.mktemp("image")
    image, seconds = docker.build_worker_image(engine, context, base_image, PROJECT_ROOT)
    base_size = engine.images.get(base_image).attrs["Size"]
    size = image.attrs["Size"] / 1e6
    print(f"built in {seconds:.1f} s: {size:.0f} MB, base {base_size / 1e6:.0f} MB")
    yield image.tags[0]
    engine.images.remove(image.id, force=True)
    engine.close()
{% endif %}
{% if cookiecutter.girder_plugin %}


def pytest_configure(config):
    girder_server.choose_the_database(config)
    girder_server.stop_servers_quickly()


@pytest.fixture
def girder(boundServer, app_on_the_test_broker, worker):
    """Girder's test server with this plugin loaded, and a worker that reports to it."""
    girder_server.send_workers_to(boundServer)
    return boundServer
{% endif %}
