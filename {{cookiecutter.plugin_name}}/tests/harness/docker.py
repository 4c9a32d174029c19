"""The local Docker engine, for the tests that start containers.

Tests never pull: every image they run must be on the engine already. Each test
labels its containers, so a module can prove that none outlived it::

    engine = engine_or_skip()
    options = labelled_options()  # docker run options: {"labels": {...}}
    ...
    assert leftover_containers(engine) == []
"""

import os
import shutil
import subprocess
import uuid

import pytest

#: Every container a test starts carries this label, with a value of the test's own...
TEST_LABEL = "{{ cookiecutter.package_name }}.test-run"
#: ...and this one, with this session's: another session's containers on the engine are its own.
SESSION_LABEL = "{{ cookiecutter.package_name }}.test-session"
SESSION = uuid.uuid4().hex


def engine_or_skip():
    """A client of the local engine; the test is left out, saying why, if none answers."""
    import docker
    from docker.errors import DockerException

    try:
        engine = docker.from_env()
        engine.ping()
    except DockerException as error:
        left_out(f"no Docker engine answers ({error}): install one (Debian: docker.io)")
    return engine


def image_or_skip(engine, variable):
    """The local image that the variable names; the test is left out, saying why, if none."""
    from docker.errors import ImageNotFound

    name = os.environ.get(variable)
    if not name:
        left_out(f"set {variable} to an image on the local engine; the tests never pull")
    try:
        engine.images.get(name)
    except ImageNotFound:
        left_out(f"the engine has no image {name} ({variable}): build or load it")
    return name


def left_out(reason):
    """Skip with reason, or fail with it where GW_TEST_REQUIRE_DOCKER=1 asks for every case."""
    if os.environ.get("GW_TEST_REQUIRE_DOCKER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def labelled_options():
    """docker run options that label a test's containers: with a value of their own, and
    with this session's."""
    return {"labels": {TEST_LABEL: uuid.uuid4().hex, SESSION_LABEL: SESSION}}


def containers_with(engine, options):
    """The containers, running or not, that carry the labels of these options."""
    selector = ["=".join(label) for label in options["labels"].items()]
    # sparse: no second call per container, which fails for one removed in between.
    return engine.containers.list(all=True, sparse=True, filters={"label": selector})


def leftover_containers(engine):
    """The containers that tests of this session labelled and that still exist."""
    selector = f"{SESSION_LABEL}={SESSION}"
    return engine.containers.list(all=True, sparse=True, filters={"label": selector})


def health(container):
    """The container's health status: starting, healthy or unhealthy."""
    container.reload()
    return container.attrs["State"]["Health"]["Status"]


def health_log(container):
    return [entry["Output"][-500:] for entry in container.attrs["State"]["Health"]["Log"]]


def compose_command():
    """``docker compose`` (v2) or ``docker-compose``, whichever is here; else the test is left out."""
    plugin = subprocess.run(["docker", "compose", "version"], capture_output=True)
    if plugin.returncode == 0:
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    left_out("neither docker compose nor docker-compose is installed (Debian: docker-compose)")
{% if cookiecutter.deployment %}


def build_worker_image(engine, context, base_image, project_root, wheel=None, version=None):
    """Build the Dockerfile's image the offline way, in the empty directory context: a
    wheelhouse of the project (or of the wheel given), then the build with the network off.
    With version, the image is labelled with it, and its build checks that the plugin has it.
    Returns the image and the seconds the build took."""
    import importlib.util
    import shutil
    import sys
    import time

    for name in ("Dockerfile", ".dockerignore"):
        shutil.copy(project_root / name, context / name)
    # pip makes the wheelhouse, uv having no command for one; a venv made by uv has no pip, so
    # there uv runs one from the package index.
    pip = [sys.executable, "-m", "pip"]
    if importlib.util.find_spec("pip") is None:
        pip = ["uv", "tool", "run", "--python", sys.executable, "pip"]
    pip_wheel = [*pip, "wheel", "--quiet", "--wheel-dir", "wheelhouse"]
    source = wheel or project_root
    subprocess.run([*pip_wheel, f"{source}[monitoring]"], cwd=context, check=True, timeout=600)
    tag = f"{{ cookiecutter.plugin_name | lower }}-worker:test-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    image, _ = engine.images.build(
        path=str(context),
        tag=tag,
        network_mode="none",
        buildargs={"BASE_IMAGE": base_image, **({"VERSION": version} if version else {})},
        forcerm=True,
    )
    return image, time.monotonic() - started
{% endif %}
{% if cookiecutter.deployment %}


def host_gateway_address(engine=None):
    """This host's address on Docker's default network: what containers reach it by
    (``host-gateway``), and not loopback."""
    from ipaddress import ip_network

    import docker

    engine = engine or docker.from_env()
    config = engine.networks.get("bridge").attrs["IPAM"]["Config"][0]
    # An engine that names no gateway takes the subnet's first address.
    return config.get("Gateway") or str(next(ip_network(config["Subnet"]).hosts()))
{% endif %}
