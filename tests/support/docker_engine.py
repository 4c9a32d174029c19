"""The Docker engine and image that the baked container tests run on.

The image comes from GW_TEST_DOCKER_IMAGE and must be on the local engine already
(``scripts/busybox-image.sh`` builds one with no registry); nothing is pulled.
"""

import os

import pytest

VARIABLE = "GW_TEST_DOCKER_IMAGE"


def image():
    return os.environ.get(VARIABLE)


def problem():
    """Why the container tests cannot run here, or None when they can."""
    if not image():
        return f"set {VARIABLE} to a local busybox image (bash scripts/busybox-image.sh makes one)"
    import docker
    from docker.errors import DockerException

    try:
        client = docker.from_env()
        try:
            client.ping()
            client.images.get(image())
        finally:
            client.close()
    except DockerException as error:
        return f"no Docker engine with the image {image()} answers ({error}): start dockerd"
    return None


def marker_expression(tier):
    """The baked tier to run: with its docker tests when an engine serves them."""
    reason = problem()
    if reason is None:
        return tier
    if os.environ.get("GW_TEST_REQUIRE_DOCKER") == "1":
        pytest.fail(reason)
    print(f"leaving out the baked docker tests: {reason}")
    return f"({tier}) and not docker"
