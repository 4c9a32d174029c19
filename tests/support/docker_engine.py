"""The Docker engine and images that the baked container and worker-image tests run on.

The images must be on the local engine already; nothing is pulled: GW_TEST_DOCKER_IMAGE,
a busybox image for the container example; GW_TEST_PYTHON_IMAGE, the Python base of the
worker image; GW_TEST_RABBITMQ_IMAGE, the broker of the compose test. scripts/ builds each.
"""

import os

from support import parts

IMAGES = {
    "GW_TEST_DOCKER_IMAGE": "bash scripts/busybox-image.sh",
    "GW_TEST_PYTHON_IMAGE": "bash scripts/python-image.sh",
    "GW_TEST_RABBITMQ_IMAGE": "bash scripts/rabbitmq-image.sh",
}


def problem():
    """Why the baked docker tests cannot run here, or None when they can."""
    for variable, script in IMAGES.items():
        if not os.environ.get(variable):
            return f"set {variable} to a local image (`{script}` builds one)"
    import docker
    from docker.errors import DockerException

    try:
        client = docker.from_env()
        try:
            client.ping()
            for variable in IMAGES:
                client.images.get(os.environ[variable])
        finally:
            client.close()
    except DockerException as error:
        return f"no Docker engine with the three images answers ({error}): start dockerd"
    return None


def require(case):
    parts.require(case, "the baked tests marked docker", problem(), "GW_TEST_REQUIRE_DOCKER")
