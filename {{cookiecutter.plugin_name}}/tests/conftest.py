"""A real girder_worker process for the end-to-end tests.

By default the worker talks to SQLite files through SQLAlchemy, so the tests need
no server. Set GW_TEST_BROKER (and GW_TEST_BACKEND) to run them on a real broker,
for example amqp://guest:guest@127.0.0.1:5672// with rpc://.
"""

import os
import signal
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
    """A ``celery -A <app> worker`` process (girder_worker.app by default) and its log."""

    def __init__(
        self, env, log_path, python=sys.executable, extra_args=(), app="girder_worker.app"
    ):
        self.env = env
        self.log_path = Path(log_path)
        self.python = python
        self.extra_args = list(extra_args)
        self.app = app
        self.process = None

    def start(self):
        command = [
            self.python,
            "-m",
            "celery",
            "-A",
            self.app,
            "worker",
            "--loglevel",
            "info",
            "--hostname",
            f"test-{uuid.uuid4().hex[:8]}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            *self.extra_args,
        ]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
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


@pytest.fixture(scope="module")
def worker_env(tmp_path_factory):
    return worker_environment(broker_environment(tmp_path_factory.mktemp("broker")))


@pytest.fixture(scope="module")
def worker(worker_env, tmp_path_factory):
    """One worker for a whole test module: starting and stopping one takes seconds."""
    from {{ cookiecutter.package_name }} import QUEUE

    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    with running_worker(worker_env, log_path, extra_args=["--queues", QUEUE]) as running:
        yield running


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
