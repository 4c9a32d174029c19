"""The worker image of the Dockerfile: built with no network from a wheelhouse, run as a
user, serving the example client, and stopping warm with no task lost.

The image builds on GW_TEST_PYTHON_IMAGE, a Python base image on the local engine (the
tests never pull), and its worker uses the suite's broker over the host's network.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import uuid

import pytest
from harness import PROJECT_ROOT, READY_TIMEOUT, RESULT_TIMEOUT, STOP_TIMEOUT, docker, workers

from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci, nth_fibonacci

pytestmark = [pytest.mark.e2e, pytest.mark.docker, pytest.mark.image]


@pytest.fixture(scope="module")
def image(docker_engine, tmp_path_factory):
    """The image, built from a wheelhouse of this project with the network off."""
    base_image = docker.image_or_skip(docker_engine, "GW_TEST_PYTHON_IMAGE")
    if not os.environ.get("GW_TEST_BROKER", "").startswith("amqp://"):
        docker.left_out(
            "the image's worker speaks AMQP, girder_worker's default: set GW_TEST_BROKER "
            "to a RabbitMQ URL (amqp://...)"
        )
    context = tmp_path_factory.mktemp("image")
    for name in ("Dockerfile", ".dockerignore"):
        shutil.copy(PROJECT_ROOT / name, context / name)
    wheel = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", "wheelhouse"]
    subprocess.run([*wheel, str(PROJECT_ROOT)], cwd=context, check=True, timeout=600)
    tag = f"{{ cookiecutter.plugin_name | lower }}-worker:test-{context.name.lower()}"
    started = time.monotonic()
    built, _ = docker_engine.images.build(
        path=str(context),
        tag=tag,
        network_mode="none",
        buildargs={"BASE_IMAGE": base_image},
        forcerm=True,
    )
    size = built.attrs["Size"] / 1e6
    print(f"built {tag} in {time.monotonic() - started:.1f} s: {size:.0f} MB")
    yield tag
    docker_engine.images.remove(built.id, force=True)


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


@pytest.fixture
def compose(image, docker_engine):
    """Run ``docker compose`` on compose.yaml with local images, a free port and an account
    of this test's own; the deployment goes at the end."""
    project = f"test{uuid.uuid4().hex[:8]}"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "COMPOSE_PROJECT_NAME": project,
        "RABBITMQ_IMAGE": docker.image_or_skip(docker_engine, "GW_TEST_RABBITMQ_IMAGE"),
        "WORKER_IMAGE": image,
        "BROKER_USER": f"user-{project}",
        "BROKER_PASSWORD": secrets.token_urlsafe(16),
        "BROKER_PORT": str(port),
        # Read only by a compose file whose workers run containers themselves.
        "DOCKER_GID": str(os.stat("/var/run/docker.sock").st_gid),
    }
    command = [*docker.compose_command(), "--file", str(PROJECT_ROOT / "compose.yaml")]

    def run(*args, **changes):
        return subprocess.run(
            [*command, *args], env={**env, **changes}, capture_output=True, text=True, timeout=300
        )

    run.env = env
    run.broker_url = f"amqp://{env['BROKER_USER']}:{env['BROKER_PASSWORD']}@127.0.0.1:{port}//"
    run.containers = lambda service: docker_engine.containers.list(
        all=True,
        filters={
            "label": [
                f"com.docker.compose.project={project}",
                f"com.docker.compose.service={service}",
            ]
        },
    )
    yield run
    # Nothing in it is worth a grace period: kill, then remove.
    run("down", "--volumes", "--timeout", "0")


def test_compose_needs_an_account_and_binds_loopback(compose):
    refused = compose("config", BROKER_USER="")
    assert refused.returncode != 0
    assert "set BROKER_USER" in refused.stderr
    rendered = compose("config")
    assert rendered.returncode == 0, rendered.stderr
    assert "guest" not in rendered.stdout
    # docker-compose 1 writes "127.0.0.1:PORT:5672/tcp"; docker compose 2, "host_ip: 127.0.0.1".
    published = re.findall(r"(?:host_ip: |- )([0-9.]+)(?::|\n)", rendered.stdout)
    assert published == ["127.0.0.1"], rendered.stdout


def test_three_workers_lose_nothing_when_one_is_killed(compose):
    from {{ cookiecutter.package_name }} import {{ cookiecutter.plugin_class }}

    up = compose("up", "--detach", "--no-build", "--scale", "worker=3")
    assert up.returncode == 0, up.stderr
    broker = {"GIRDER_WORKER_BROKER": compose.broker_url, "GIRDER_WORKER_BACKEND": "rpc://"}
    client = workers.client_app(broker, {{ cookiecutter.plugin_class }})
    try:
        deadline = time.monotonic() + 2 * READY_TIMEOUT
        while len(client.control.ping(timeout=1)) < 3:
            assert time.monotonic() < deadline, compose("logs", "--tail", "40").stdout
        numbers = [19_000 + i % 1000 for i in range(300)]
        results = [client.send_task(fibonacci.name, args=(n,)) for n in numbers]
        while sum(result.ready() for result in results) < 50:
            assert time.monotonic() < deadline, compose("logs", "--tail", "40").stdout
            time.sleep(0.05)
        killed, *others = compose.containers("worker")
        killed.kill()
        done_before = sum(result.ready() for result in results)
        values = [result.get(timeout=RESULT_TIMEOUT) for result in results]
    finally:
        client.close()
    assert values == [nth_fibonacci(n) for n in numbers]
    served = {c.name: c.logs().decode().count(" succeeded in ") for c in (killed, *others)}
    print(f"killed {killed.name} after {done_before} of {len(numbers)}; tasks served: {served}")
    assert all(served.values()), served
