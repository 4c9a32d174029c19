"""A real girder_worker process, on a broker chosen by the environment.

By default the worker talks to the embedded broker, files in a folder of the test session's
own, so it needs no server. ``GW_TEST_BROKER`` (and ``GW_TEST_BACKEND``) name a real broker
instead, for example ``amqp://guest:guest@127.0.0.1:5672//`` with ``rpc://``::

    env = worker_environment(broker_environment(scratch_dir))
    with running_worker(env, scratch_dir / "worker.log") as worker:
        ...  # send tasks on env["GIRDER_WORKER_BROKER"]; read worker.log()
"""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from celery import Celery

from . import READY_TIMEOUT, STOP_TIMEOUT


def broker_environment(scratch_dir):
    """GIRDER_WORKER_* variables for GW_TEST_BROKER, or for the embedded broker in scratch_dir.

    Results travel over the broker (rpc://). A session's own folder keeps its tasks from any
    other session's workers, and the broker's bindings go with it.
    """
    broker = os.environ.get("GW_TEST_BROKER")
    if broker:
        return {
            "GIRDER_WORKER_BROKER": broker,
            "GIRDER_WORKER_BACKEND": os.environ.get("GW_TEST_BACKEND", "rpc://"),
        }
    folder = Path(scratch_dir).resolve()
    return {
        "GIRDER_WORKER_BROKER": f"filesystem://{quote(str(folder))}",
        "GIRDER_WORKER_BACKEND": "rpc://",
    }


def worker_environment(broker_env, tmp_dir=None):
    """This process's environment with the broker's variables, as a worker needs it.

    With tmp_dir, the worker keeps its temporary files there (TMPDIR), where a test can
    see what a task left behind.
    """
    env = {**os.environ, **broker_env}
    if tmp_dir is not None:
        env["TMPDIR"] = str(tmp_dir)
    # The worker accepts pickle (girder_worker's setting), so Celery refuses to run
    # it as root unless told to; containers and CI often run as root.
    env["C_FORCE_ROOT"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


@contextmanager
def taking_nothing_from(queue, worker, app):
    """Inside the block, worker takes no task from queue: a task sent then waits in the broker.

    Needs no other worker on the queue.
    """
    try:
        # The broker may count the worker's consumer for a moment after it replied; a worker
        # busy with an earlier add_consumer may take it up again: then it is asked again.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            app.control.cancel_consumer(
                queue, destination=[worker.hostname], reply=True, timeout=10
            )
            asked = time.monotonic()
            while (others := consumers(app, queue)) and time.monotonic() < asked + 5:
                time.sleep(0.1)
            if not others:
                break
        if others:
            raise RuntimeError(
                f"{others} other worker(s) take from {queue!r} on this broker "
                "(another test session?), so no task can wait there"
            )
        yield
    finally:
        app.control.add_consumer(queue, destination=[worker.hostname], reply=True, timeout=10)


def consumers(app, queue):
    """How many consumers take from queue, as far as the broker knows (Redis does not count)."""
    with app.connection_for_write() as connection:
        if connection.transport.driver_type != "amqp":
            return 0
        return connection.default_channel.queue_declare(queue, passive=True).consumer_count


def girder_worker_app_on(broker_env):
    """girder_worker's app in this process, switched to the broker of broker_env.

    The plugin class points the app at the embedded broker's folders, as in every process.
    """
    from girder_worker.app import app

    from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}

    app.conf.update(
        broker_url=broker_env["GIRDER_WORKER_BROKER"],
        result_backend=broker_env["GIRDER_WORKER_BACKEND"],
    )
    {{ cookiecutter.plugin_class }}(app)
    return app


def client_app(broker_env):
    """A Celery app that sends tasks by name on the broker, as Girder does.

    Girder's app loads the plugin too, so the plugin's settings (broker, routes) apply here.
    """
    from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}

    app = Celery(
        "client",
        broker=broker_env["GIRDER_WORKER_BROKER"],
        backend=broker_env["GIRDER_WORKER_BACKEND"],
    )
    {{ cookiecutter.plugin_class }}(app)
    return app


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
{% if cookiecutter.girder_io_task %}

    def wait_for_log(self, text, timeout=READY_TIMEOUT):
        """Wait until the worker's log holds text."""
        deadline = time.monotonic() + timeout
        while text not in self.log():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {text!r} in the worker log\n{self.log_tail()}")
            time.sleep(0.1)
{% endif %}

    def registered_tasks(self):
        """The task names of the worker's ``[tasks]`` banner, as the worker itself found them."""
        lines = self.log().split("[tasks]", 1)[-1].splitlines()
        return {line.strip()[2:] for line in lines if line.strip().startswith(". ")}

    def kill(self, sig=signal.SIGKILL):
        """Send sig to the worker and every process it forked."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)

    def stop(self):
        """Stop the worker and every process it forked, at once.

        A test is over when it stops its worker, so no task is in hand. A warm shutdown
        would only wait for the worker's pool and its next polls.
        """
        if self.process is None or self.process.poll() is not None:
            return
        self.kill()
        self.process.wait(STOP_TIMEOUT)


@contextmanager
def running_worker(env, log_path, worker_type=Worker, **options):
    """Start a worker, wait until it is ready, and always stop it."""
    worker = worker_type(env, log_path, **options)
    try:
        yield worker.start().wait_until_ready()
    finally:
        worker.stop()
