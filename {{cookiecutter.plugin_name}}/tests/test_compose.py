"""The deployment kit's compose files: a broker that other hosts reach over TLS only, workers
on another host that lose nothing when one dies, and Flower for the workers in view.

The broker is RabbitMQ of GW_TEST_RABBITMQ_IMAGE, with accounts from broker/accounts.py
and a certificate from a CA made at run time. The "other host" is a project of
compose.workers.yaml: a Docker network of its own, which reaches the broker only through the
port published on this host, by the name the certificate carries.
"""

import re
import time

import pytest
from harness import READY_TIMEOUT, RESULT_TIMEOUT, compose, docker, workers
from kombu import Connection
from kombu.exceptions import OperationalError

import {{ cookiecutter.package_name }}
from {{ cookiecutter.package_name }} import BROKER_CA_FILE
from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci, nth_fibonacci

# One test process builds the image: both modules' tests go to it.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.docker,
    pytest.mark.image,
    pytest.mark.xdist_group("image"),
]

#: The broker's name in its certificate, as the workers' host knows it.
BROKER_HOST = "broker.test"


@pytest.fixture(scope="module")
def broker(docker_engine, worker_image, tmp_path_factory):
    """compose.yaml's RabbitMQ with fresh accounts and certificate, on free ports."""
    env = compose.broker_files(
        tmp_path_factory.mktemp("broker"), [BROKER_HOST, "127.0.0.1", "localhost"]
    )
    env |= {
        "RABBITMQ_IMAGE": docker.image_or_skip(docker_engine, "GW_TEST_RABBITMQ_IMAGE"),
        "WORKER_IMAGE": worker_image,
        "BROKER_TLS_PORT": str(compose.free_port()),
        "BROKER_PORT": str(compose.free_port()),
        "FLOWER_PORT": str(compose.free_port()),
    }
    project = compose.Project(["compose.yaml"], env)
    try:
        project.must("up", "--detach", "--no-build", "rabbitmq")
        (rabbitmq,) = project.containers(docker_engine, "rabbitmq")
        deadline = time.monotonic() + 2 * READY_TIMEOUT
        while docker.health(rabbitmq) != "healthy":
            assert time.monotonic() < deadline, project.logs()
            time.sleep(1)
        yield project
    finally:
        project.down()


def tls_url(broker, account, host="127.0.0.1"):
    env = broker.env
    user, password = env[f"{account}_BROKER_USER"], env[f"{account}_BROKER_PASSWORD"]
    return f"amqps://{user}:{password}@{host}:{env['BROKER_TLS_PORT']}//"


@pytest.fixture
def girder_side(broker, monkeypatch):
    """A client with Girder's account, over TLS, set up by the plugin class as in Girder."""
    monkeypatch.setenv(BROKER_CA_FILE, broker.env["BROKER_CA_FILE"])
    url = tls_url(broker, "GIRDER")
    app = workers.client_app({"GIRDER_WORKER_BROKER": url, "GIRDER_WORKER_BACKEND": "rpc://"})
    yield app
    app.close()


@pytest.fixture
def workers_elsewhere(broker, tmp_path):
    """Start projects of compose.workers.yaml, each on a network of its own; all go at the end."""
    # The broker's host, as another host would know it: this one, seen from the containers.
    hosts = tmp_path / "broker-host.yaml"
    hosts.write_text(f'services:\n  worker:\n    extra_hosts: ["{BROKER_HOST}:host-gateway"]\n')
    started = []

    def start(scale, **changes):
        env = {name: broker.env[name] for name in broker.env if name.startswith("WORKER_")}
        env |= {
            "BROKER_HOST": BROKER_HOST,
            "BROKER_TLS_PORT": broker.env["BROKER_TLS_PORT"],
            "BROKER_CA_FILE": broker.env["BROKER_CA_FILE"],
            **changes,
        }
        project = compose.Project(["compose.workers.yaml", hosts], env)
        started.append(project)
        project.must("up", "--detach", "--no-build", "--scale", f"worker={scale}")
        return project

    yield start
    for project in started:
        project.down()


def wait_for_workers(app, count, project):
    deadline = time.monotonic() + 2 * READY_TIMEOUT
    while len(app.control.ping(timeout=1)) < count:
        assert time.monotonic() < deadline, project.logs()


def test_workers_elsewhere_lose_no_task_over_tls_when_one_dies(
    docker_engine, workers_elsewhere, girder_side
):
    """The workers' only way to the broker is TLS, checked against the CA file, with their
    own account; the client is Girder's side, with its own."""
    project = workers_elsewhere(scale=3)
    wait_for_workers(girder_side, 3, project)
    killed, *others = project.containers(docker_engine, "worker")
    numbers = [19_000 + i % 1000 for i in range(300)]
    results = [girder_side.send_task(fibonacci.name, args=(n,)) for n in numbers]
    deadline = time.monotonic() + READY_TIMEOUT
    # Killed mid-batch, once it has served: what the assertions below need.
    while " succeeded in " not in killed.logs().decode():
        assert time.monotonic() < deadline, project.logs()
        time.sleep(0.05)
    killed.kill()
    done_before = sum(result.ready() for result in results)
    assert done_before < len(numbers), "the batch ended before the kill"
    values = [result.get(timeout=RESULT_TIMEOUT) for result in results]
    wrong = sum(value != nth_fibonacci(n) for value, n in zip(values, numbers, strict=True))
    served = {c.name: c.logs().decode().count(" succeeded in ") for c in (killed, *others)}
    print(f"killed {killed.name} after {done_before} of {len(numbers)}; served: {served}")
    assert (len(values), wrong) == (len(numbers), 0)
    assert all(served.values()), served
    assert "amqps://" in others[0].logs().decode()


def test_a_worker_that_trusts_another_ca_is_refused_and_says_why(
    docker_engine, workers_elsewhere, tmp_path
):
    project = workers_elsewhere(scale=1, BROKER_CA_FILE=str(compose.other_ca(tmp_path)))
    (worker,) = project.containers(docker_engine, "worker")
    deadline = time.monotonic() + READY_TIMEOUT
    while "CERTIFICATE_VERIFY_FAILED" not in (logs := worker.logs().decode()):
        assert time.monotonic() < deadline, logs[-3000:]
        time.sleep(0.5)
    assert " ready." not in logs
    print(next(line for line in logs.splitlines() if "CERTIFICATE_VERIFY_FAILED" in line))


def test_plain_amqp_is_refused_at_the_published_addresses(broker):
    """Plain AMQP to the TLS port fails; the plain port answers on loopback only."""
    env = broker.env
    account = f"{env['WORKER_BROKER_USER']}:{env['WORKER_BROKER_PASSWORD']}"
    # The address of this host that containers see: not loopback.
    elsewhere = docker.host_gateway_address()
    for address, port in [
        ("127.0.0.1", env["BROKER_TLS_PORT"]),
        (elsewhere, env["BROKER_TLS_PORT"]),
        (elsewhere, env["BROKER_PORT"]),
    ]:
        plain = Connection(f"amqp://{account}@{address}:{port}//", connect_timeout=5)
        with plain, pytest.raises(OperationalError) as refused:
            plain.ensure_connection(max_retries=1)
        print(f"{address}:{port}: {refused.value!r}")
    with Connection(f"amqp://{account}@127.0.0.1:{env['BROKER_PORT']}//") as loopback:
        loopback.ensure_connection(max_retries=1)
    # TLS with the right CA still checks the name: the certificate does not carry this one.
    tls = {{ cookiecutter.package_name }}.broker_tls({BROKER_CA_FILE: env["BROKER_CA_FILE"]})
    wrong_name = Connection(tls_url(broker, "WORKER", elsewhere), ssl=tls, connect_timeout=5)
    with wrong_name, pytest.raises(OperationalError, match="CERTIFICATE_VERIFY_FAILED"):
        wrong_name.ensure_connection(max_retries=1)


def test_flower_lists_the_workers_to_its_user_only_on_loopback(docker_engine, broker):
    import json
    import urllib.request
    from base64 import b64encode
    from urllib.error import HTTPError

    broker.must("--profile", "monitoring", "up", "--detach", "--no-build", "worker", "flower")
    url = f"http://127.0.0.1:{broker.env['FLOWER_PORT']}/api/workers?refresh=1"
    secret = b64encode(f"flower:{broker.env['FLOWER_PASSWORD']}".encode()).decode()
    request = urllib.request.Request(url, headers={"Authorization": f"Basic {secret}"})
    (worker,) = broker.containers(docker_engine, "worker")
    deadline = time.monotonic() + 2 * READY_TIMEOUT
    listed = {}
    while f"celery@{worker.attrs['Config']['Hostname']}" not in listed:
        assert time.monotonic() < deadline, broker.logs()
        try:
            listed = json.load(urllib.request.urlopen(request, timeout=10))
        except (OSError, ValueError):
            time.sleep(1)
    with pytest.raises(HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 401
    (flower,) = broker.containers(docker_engine, "flower")
    bindings = flower.attrs["HostConfig"]["PortBindings"]["5555/tcp"]
    assert [binding["HostIp"] for binding in bindings] == ["127.0.0.1"]
    print(f"Flower lists {sorted(listed)}")


def test_rendered_compose_publishes_only_tls_no_guest(broker):
    rendered = broker.must("--profile", "monitoring", "config")
    assert "guest" not in rendered
    # docker-compose 1 writes "ADDRESS:PORT:TARGET/tcp"; docker compose 2, "host_ip: ADDRESS"
    # and, below it, "target: TARGET".
    published = re.findall(r"(?:host_ip: |- )([0-9.]+):?\d*:?(\d*)", rendered)
    everywhere = [target for address, target in published if address == "0.0.0.0"]
    print(published)
    assert len(published) == 3 and len(everywhere) == 1, rendered
