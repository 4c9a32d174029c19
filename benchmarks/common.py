"""Set-up shared by the benchmarks: a baked default plugin in its venv, workers on RabbitMQ."""

import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support import baking, batches, harness, release, venvs  # noqa: E402, F401
from support.brokers import RABBITMQ, reachable  # noqa: E402

BENCHMARKS = Path(__file__).resolve().parent


def baked_plugin(scratch):
    """Bake the default answers plus the progress example into scratch, install them and
    the girder_worker floor plugin; return (project, python)."""
    project = baking.bake_to(scratch / "bake", progress_task=True)
    python = venvs.plugin_venv(scratch / "venv", project)
    venvs.install(python, BENCHMARKS / "floor")
    return project, python


def require_rabbitmq():
    if not reachable(RABBITMQ.url):
        sys.exit(f"RabbitMQ does not answer at {RABBITMQ.url}; set {RABBITMQ.variable}")


@contextmanager
def rabbitmq_worker(
    project, python, scratch, app="girder_worker.app", concurrency=2, extra_args=()
):
    """A warm worker of app on a private queue; yields (client, queue, worker)."""
    baked = harness.workers(project)
    env = baked.worker_environment(
        {
            "GIRDER_WORKER_BROKER": RABBITMQ.url,
            "GIRDER_WORKER_BACKEND": RABBITMQ.backend,
            "PYTHONPATH": str(BENCHMARKS),
        }
    )
    client = batches.client(RABBITMQ.url, RABBITMQ.backend)
    queue = batches.private_queue(f"bench-{app.split('.')[0]}")
    log = Path(tempfile.mkdtemp(dir=scratch)) / "worker.log"
    worker = harness.worker_type(project, python, app)(
        env,
        log,
        extra_args=["--queues", queue, "--concurrency", str(concurrency), *extra_args],
    )
    try:
        yield client, queue, worker.start().wait_until_ready()
    finally:
        worker.stop()
        batches.delete_queue(client, queue)
        client.close()
