"""The docker example builds arguments that girder_worker's docker_run accepts.

No Docker engine is needed: the command meant for the container runs here instead.
"""

import inspect
import subprocess
import sys

import pytest
from girder_worker.docker.tasks import docker_run

from {{ cookiecutter.package_name }}.analyses.containers import IMAGE, container_arguments


def test_the_arguments_fit_the_signature_of_docker_run():
    inspect.signature(docker_run.run).bind(**container_arguments(26))


def test_the_image_is_pulled_first_and_the_container_removed_after():
    arguments = container_arguments(26)
    assert arguments["image"] == IMAGE
    assert arguments["pull_image"] is True
    assert arguments["remove_container"] is True


def test_the_container_command_prints_the_nth_fibonacci_number():
    command = container_arguments(26)["container_args"]
    assert command[0] == "python"
    run = subprocess.run([sys.executable, *command[1:]], capture_output=True, text=True, check=True)
    assert run.stdout == "121393\n"


@pytest.mark.parametrize("bad", [0, "26"], ids=["zero", "str"])
def test_a_bad_n_is_refused_before_any_container_starts(bad):
    with pytest.raises((TypeError, ValueError), match="n must be"):
        container_arguments(bad)
