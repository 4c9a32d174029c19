"""The worker image of the Dockerfile: built with no network from a wheelhouse, run as a
user, serving the example client, and stopping warm with no task lost.

The image builds on GW_TEST_PYTHON_IMAGE, a Python base image on the local engine (the
tests never pull), and its worker uses the suite's broker over the host's network.
"""

import os
import time
import uuid

import pytest
from harness import READY_TIMEOUT, STOP_TIMEOUT, docker

from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci, nth_fibonacci

# One test process builds the image: both modules' tests go to it.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.docker,
    pytest.mark.image,
    pytest.mark.xdist_group("image"),
]


@pytest.fixture(scope="module")
def image(worker_image):
    """The image, whose worker uses the suite's broker over the host's network."""
    if not os.environ.get("GW_TEST_BROKER", "").startswith("amqp://"):
        docker.left_out(
            "the image's worker speaks AMQP, girder_worker's default: set GW_TEST_BROKER "
            "to a RabbitMQ URL (amqp://...)"
        )
    return worker_image


@pytest.fixture
def host_worker_aside(worker, client):
    """The suite's own worker stops taking tasks of the plugin's queue for a while, so the
    containerized worker is the only one that does."""
    from {{ cookiecutter.package_name }} import QUEUE

    client.control.cancel_consumer(QUEUE, destination=[worker.hostname], reply=True)
    yield
    client.control.add_consumer(QUEUE, destination=[worker.hostname], reply=True)


@pytest.fixture
def start_container(docker_engine, image, worker_env, host_worker_aside):
    """Start the image's worker on the host's network; every container goes at the end."""
    started = []

    def start(**options):
        environment = {
            name: worker_env[name] for name in ("GIRDER_WORKER_BROKER", "GIRDER_WORKER_BACKEND")
        }
        # On the host's network every container has the host's name: each needs a node name.
        environment["WORKER_NAME"] = f"celery@test-{uuid.uuid4().hex[:8]}"
        container = docker_engine.containers.run(
            image,
            detach=True,
            network_mode="host",
            environment=environment,
            **docker.labelled_options(),
            **options,
        )
        started.append(container)
        wait_until_ready(container)
        return container

    yield start
    for container in started:
        container.remove(force=True)


def wait_until_ready(container):
    deadline = time.monotonic() + READY_TIMEOUT
    while b" ready." not in container.logs():
        container.reload()
        assert container.status == "running", container.logs().decode()[-3000:]
        assert time.monotonic() < deadline, container.logs().decode()[-3000:]
        time.sleep(0.2)


def test_the_image_runs_as_a_user_not_as_root(docker_engine, image):
    assert docker_engine.containers.run(image, ["id", "-u"], remove=True).strip() != b"0"


def test_the_containerized_worker_serves_the_example_client(start_container, run_example_client):
    container = start_container()
    assert fibonacci.name in container.logs().decode()
    client = run_example_client()
    assert client.stdout.strip() == "121393", client.stderr + container.logs().decode()[-3000:]


def test_docker_stop_mid_batch_is_warm_and_loses_no_task(start_container, client):
    container = start_container()
    # Each of these takes milliseconds, so tasks are running when the stop comes.
    numbers = [19_000 + i % 1000 for i in range(300)]
    results = [client.send_task(fibonacci.name, args=(n,)) for n in numbers]
    deadline = time.monotonic() + READY_TIMEOUT
    while sum(result.ready() for result in results) < 50:
        assert time.monotonic() < deadline, container.logs().decode()[-3000:]
        time.sleep(0.05)
    stopping = time.monotonic()
    container.stop(timeout=STOP_TIMEOUT)
    stopped_after = time.monotonic() - stopping
    container.reload()
    logs = container.logs().decode()
    assert container.attrs["State"]["ExitCode"] == 0, (
        f"killed after {stopped_after:.0f} s, not stopped:\n{logs[-3000:]}"
    )
    assert stopped_after < STOP_TIMEOUT
    assert "Warm shutdown" in logs, logs[-3000:]
    done_before = sum(result.ready() for result in results)
    assert done_before < len(numbers), "the batch ended before the stop"
    # The same container, started again, finishes what the broker kept for it.
    container.start()
    values = [result.get(timeout=300) for result in results]
    print(f"stopped in {stopped_after:.1f} s after {done_before} of {len(numbers)} tasks")
    assert values == [nth_fibonacci(n) for n in numbers]


def health(container, wanted, timeout):
    """Wait for the container's health status to become wanted; return how long it took."""
    started = time.monotonic()
    while (status := docker.health(container)) != wanted:
        assert time.monotonic() - started < timeout, (
            f"still {status}: {docker.health_log(container)}"
        )
        time.sleep(0.5)
    return time.monotonic() - started


def test_healthcheck_turns_unhealthy_when_worker_stops(start_container):
    # The image's own check, on a faster clock: every 2 s, failing at the first miss.
    seconds = 1_000_000_000
    container = start_container(healthcheck={"interval": 2 * seconds, "retries": 1})
    print(f"healthy after {health(container, 'healthy', READY_TIMEOUT):.1f} s")
    # Celery's main process, which answers pings, stops. Sent by the engine: a container's
    # first process ignores a stop signal sent from inside the container.
    container.kill(signal="SIGSTOP")
    try:
        print(f"unhealthy after {health(container, 'unhealthy', READY_TIMEOUT):.1f} s")
    finally:
        container.kill(signal="SIGCONT")
