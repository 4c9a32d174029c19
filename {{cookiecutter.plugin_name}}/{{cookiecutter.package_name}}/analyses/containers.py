"""Run a step in a Docker container through girder_worker's ``docker_run`` task.

``docker_run`` comes with girder_worker (its ``docker`` client is a dependency); the
worker that runs it needs access to a Docker engine. This module only builds its
arguments, so that they can be checked without one.
"""

from girder_worker.docker.tasks import docker_run

from {{ cookiecutter.package_name }}.analyses.tasks import check_n

IMAGE = "python:3.12-slim"
SCRIPT = """\
import sys
previous, current = 0, 1
for _ in range(int(sys.argv[1]) - 1):
    previous, current = current, previous + current
print(current)
"""


def container_arguments(n):
    """Keyword arguments of docker_run that print the n-th Fibonacci number in a container."""
    check_n(n)  # the same checks as the task, before a container starts
    return {
        "image": IMAGE,
        "pull_image": True,
        "container_args": ["python", "-c", SCRIPT, str(n)],
        "remove_container": True,
    }


def fibonacci_in_container(n, **options):
    """Queue docker_run for n; options (such as girder_job_title) go to ``delay``."""
    return docker_run.delay(**container_arguments(n), **options)
