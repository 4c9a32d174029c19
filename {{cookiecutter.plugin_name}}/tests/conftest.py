"""A real girder_worker process for the end-to-end tests{% if cookiecutter.girder_plugin %}, and a real Girder server{% endif %}.

By default the worker talks to SQLite files through SQLAlchemy, so the tests need
no server. Set GW_TEST_BROKER (and GW_TEST_BACKEND) to run them on a real broker,
for example amqp://guest:guest@127.0.0.1:5672// with rpc://.
{% if cookiecutter.girder_plugin %}

Girder's own test fixtures (pytest-girder) run the Girder server in this process,
on an in-memory stand-in for MongoDB unless GW_TEST_MONGO_URI (or --mongo-uri)
names a real one.
{% endif %}
"""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import pytest
from celery import Celery

PROJECT_ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 60
STOP_TIMEOUT = 20
RESULT_TIMEOUT = 60


def broker_environment(scratch_dir):
    """GIRDER_WORKER_* variables for GW_TEST_BROKER, or for SQLite files in scratch_dir."""
    broker = os.environ.get("GW_TEST_BROKER")
    if broker:
        return {
            "GIRDER_WORKER_BROKER": broker,
            "GIRDER_WORKER_BACKEND": os.environ.get("GW_TEST_BACKEND", "rpc://"),
        }
    scratch_dir = Path(scratch_dir).resolve()
    return {
        "GIRDER_WORKER_BROKER": f"sqla+sqlite:///{scratch_dir / 'broker.sqlite'}",
        "GIRDER_WORKER_BACKEND": f"db+sqlite:///{scratch_dir / 'results.sqlite'}",
    }


class Worker:
    """A ``celery -A girder_worker.app worker`` process and its log."""

    def __init__(self, env, log_path, extra_args=()):
        self.env = env
        self.log_path = Path(log_path)
        self.extra_args = list(extra_args)
        self.hostname = f"test-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
        self.process = None

    def command(self):
        return [sys.executable, "-m", "celery", "-A", "girder_worker.app", *self.worker_args()]

    def worker_args(self):
        return [
            "worker",
            "--loglevel",
            "info",
            "--hostname",
            self.hostname,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            *self.extra_args,
        ]

    def start(self):
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.command(),
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        return self

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_tail(self, lines=40):
        tail = "\n".join(self.log().splitlines()[-lines:])
        return f"--- last lines of the worker log ({self.log_path}) ---\n{tail}"

    def wait_until_ready(self, timeout=READY_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log():
                return self
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"the worker exited with {self.process.returncode}\n{self.log_tail()}"
                )
            time.sleep(0.1)
        raise TimeoutError(f"the worker was not ready within {timeout} s\n{self.log_tail()}")

    def registered_tasks(self):
        """The task names of the worker's ``[tasks]`` banner, as the worker itself found them."""
        lines = self.log().split("[tasks]", 1)[-1].splitlines()
        return {line.strip()[2:] for line in lines if line.strip().startswith(". ")}

    def kill(self, sig=signal.SIGKILL):
        """Send sig to the worker and every process it forked."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        # Warm shutdown: the main process finishes the tasks in hand, then stops its pool.
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            self.process.wait()
        # A pool child can outlive its parent; none may outlive the test.
        self.kill()


def worker_environment(broker_env):
    env = {**os.environ, **broker_env}
    # The worker accepts pickle (girder_worker's setting), so Celery refuses to run
    # it as root unless told to; containers and CI often run as root.
    env["C_FORCE_ROOT"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


@contextmanager
def running_worker(env, log_path, **options):
    """Start a worker, wait until it is ready, and always stop it."""
    worker = Worker(env, log_path, **options)
    try:
        yield worker.start().wait_until_ready()
    finally:
        worker.stop()


@pytest.fixture(scope="session")
def worker_env(tmp_path_factory):
    return worker_environment(broker_environment(tmp_path_factory.mktemp("broker")))


@pytest.fixture(scope="session")
def worker(worker_env, tmp_path_factory):
    """One worker for the whole session: starting and stopping one takes seconds."""
    from {{ cookiecutter.package_name }} import QUEUE

    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    with running_worker(worker_env, log_path, extra_args=["--queues", QUEUE]) as running:
        yield running


@pytest.fixture
def run_example_client(worker_env):
    """Run example_client.py as a user would, on the workers' broker."""

    def run():
        return subprocess.run(
            [sys.executable, "example_client.py"],
            cwd=PROJECT_ROOT,
            env=worker_env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


@pytest.fixture
def start_worker(worker_env, tmp_path):
    """Start more workers, each with its own options; all stop when the test ends."""
    with ExitStack() as stack:

        def start(*extra_args):
            log_path = tmp_path / f"worker-{uuid.uuid4().hex[:8]}.log"
            return stack.enter_context(running_worker(worker_env, log_path, extra_args=extra_args))

        yield start


@pytest.fixture(scope="module")
def client(worker_env):
    """A Celery app on the worker's broker that sends tasks by name, as Girder does.

    Girder's app loads this plugin too, so the plugin's settings apply to what it sends.
    """
    from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}

    app = Celery(
        "client",
        broker=worker_env["GIRDER_WORKER_BROKER"],
        backend=worker_env["GIRDER_WORKER_BACKEND"],
    )
    {{ cookiecutter.plugin_class }}(app)
    yield app
    app.close()
{% if cookiecutter.girder_plugin or cookiecutter.docker_task %}


@pytest.fixture(scope="session")
def girder_worker_app(worker_env):
    """girder_worker's app in this process, on the worker's broker: what a Girder server
    sends tasks with."""
    from girder_worker.app import app

    app.conf.update(
        broker_url=worker_env["GIRDER_WORKER_BROKER"],
        result_backend=worker_env["GIRDER_WORKER_BACKEND"],
    )
    return app
{% endif %}


TEST_LABEL = "{{ cookiecutter.package_name }}.test-run"


@pytest.fixture(scope="module")
def docker_client():
    """The local Docker engine; the tests that need one skip without it, saying what to do.

    No container that a test labels with TEST_LABEL may outlive the module.
    """
    import docker
    from docker.errors import DockerException

    try:
        client = docker.from_env()
        client.ping()
    except DockerException as error:
        pytest.skip(f"no Docker engine answers ({error}): install one (Debian: docker.io)")
    yield client
    left = client.containers.list(all=True, filters={"label": TEST_LABEL})
    assert left == [], f"containers left behind: {left}"
    client.close()


@pytest.fixture
def container_label():
    """Docker options that label this test's containers with a value of their own."""
    return {"labels": {TEST_LABEL: uuid.uuid4().hex}}
{% if cookiecutter.docker_task %}


DOCKER_IMAGE = os.environ.get("GW_TEST_DOCKER_IMAGE")


@pytest.fixture(scope="module")
def docker_engine(docker_client):
    """The engine, which has the image GW_TEST_DOCKER_IMAGE: the tests never pull."""
    from docker.errors import ImageNotFound

    if not DOCKER_IMAGE:
        pytest.skip(
            "set GW_TEST_DOCKER_IMAGE to an image on the local engine with a POSIX shell "
            "(busybox, alpine); the tests never pull"
        )
    try:
        docker_client.images.get(DOCKER_IMAGE)
    except ImageNotFound:
        pytest.skip(f"the engine has no image {DOCKER_IMAGE}: build or load it")
    return docker_client


@pytest.fixture
def run_label(docker_engine, container_label, monkeypatch):
    """Labels for this test's containers; the example's image setting, never pulled."""
    from {{ cookiecutter.package_name }}.analyses import containers

    monkeypatch.setenv(containers.IMAGE_VARIABLE, DOCKER_IMAGE)
    monkeypatch.setenv(containers.PULL_VARIABLE, "no")
    return container_label


@pytest.fixture
def labelled(docker_client):
    """The containers, running or not, that carry the label of some run options."""

    def find(run_options):
        (label,) = run_options["labels"].items()
        return docker_client.containers.list(all=True, filters={"label": "=".join(label)})

    return find
{% endif %}
{% if cookiecutter.girder_plugin %}


def pytest_configure(config):
    mongo_uri = os.environ.get("GW_TEST_MONGO_URI")
    if mongo_uri:
        config.option.mongo_uri = mongo_uri
    elif not any(arg.startswith("--mongo-uri") for arg in config.invocation_params.args):
        config.option.mock_db = True
    if config.option.mock_db:
        use_the_in_memory_mongodb()


def use_the_in_memory_mongodb():
    """Mend the two places where Girder 5 and the in-memory stand-in disagree."""
    import mongomock
    import mongomock_ng
    from girder.api import rest

    # pytest-girder swaps in mongomock's client, which refuses Girder's codec options
    # (time-zone-aware dates); mongomock-ng's client takes them.
    mongomock.MongoClient = mongomock_ng.MongoClient
    # Girder filters list results only when it knows their cursor type.
    rest._MONGO_CURSOR_TYPES = (*rest._MONGO_CURSOR_TYPES, mongomock_ng.collection.Cursor)


@pytest.fixture
def girder(boundServer, girder_worker_app, worker):
    """A Girder server on a free port with this plugin loaded, and a worker that reports to it."""
    from girder.models.setting import Setting

    api_url = f"http://127.0.0.1:{boundServer.boundPort}/api/v1"
    # Girder tells the worker where to report a job's status, progress and log.
    Setting().set("worker.api_url", api_url)
    boundServer.api_url = api_url
    return boundServer


@pytest.fixture
def login(girder):
    """A Girder client over HTTP, logged in as the given user (pytest-girder's password)."""
    from girder_client import GirderClient

    def client(user=None):
        client = GirderClient(apiUrl=girder.api_url)
        if user is not None:
            client.authenticate(user["login"], "password")
        return client

    return client


@pytest.fixture
def job_count(girder):
    """How many jobs Girder holds now."""
    from girder_jobs.models.job import Job

    return lambda: Job().collection.count_documents({})


@pytest.fixture
def wait_for_job(girder):
    """Wait for a job to reach one of the given statuses; return it with its log."""
    from girder_jobs.models.job import Job

    def wait(job_id, *statuses, timeout=RESULT_TIMEOUT):
        deadline = time.monotonic() + timeout
        while True:
            job = Job().load(job_id, force=True, includeLog=True)
            if job["status"] in statuses:
                return job
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} is still {job['status']}: {job.get('log')}")
            time.sleep(0.05)

    return wait
{% endif %}
