"""A command-line tool in a Docker container, run through girder_worker's ``docker_run``.

The tool (``wc``, any POSIX shell image has it) reads a file mounted into the
container and writes its counts into a file on the task's temporary volume. The
output comes back through a result hook: as the task's result here, uploaded into
a Girder item from the Girder plugin's route.

The worker that runs ``docker_run`` needs a Docker engine: access to its socket,
and the image (pulled, or built there). The image and whether to pull it are
settings of the process that calls ``.delay()``, read from the environment.
"""

import os
from pathlib import Path

from girder_worker.docker.tasks import docker_run
from girder_worker.docker.transforms import BindMountVolume, VolumePath

#: The image, by default a small public one with a pinned tag.
IMAGE_VARIABLE = "{{ cookiecutter.package_name | upper }}_DOCKER_IMAGE"
DEFAULT_IMAGE = "busybox:1.37.0"
#: "no" runs only an image the worker has already; "yes" pulls it first.
PULL_VARIABLE = "{{ cookiecutter.package_name | upper }}_DOCKER_PULL"
#: Where the input's directory is mounted in the container, read-only.
INPUT_DIR = "/mnt/input"
COUNTS_FILE = "counts.txt"
# $0 is the input file, $1 the output file.
SCRIPT = 'wc < "$0" > "$1"'


def image():
    return os.environ.get(IMAGE_VARIABLE, DEFAULT_IMAGE)


def pull_image():
    value = os.environ.get(PULL_VARIABLE, "yes")
    if value not in ("yes", "no"):
        raise ValueError(f"{PULL_VARIABLE} must be yes or no, got {value!r}")
    return value == "yes"


class CountsFromVolume(VolumePath):
    """Result hook: the lines, words and bytes that the tool wrote into a volume file."""

    def transform(self, *args, **kwargs):
        lines, words, size = Path(super().transform(*args, **kwargs)).read_text().split()
        return {"lines": int(lines), "words": int(words), "bytes": int(size)}


def count_words_arguments(source, output, **run_options):
    """docker_run's keyword arguments: the tool reads source and writes output (volume paths).

    run_options go to Docker as they are (``labels``, ``init``...).
    """
    return {
        "image": image(),
        "pull_image": pull_image(),
        "container_args": ["sh", "-c", SCRIPT, source, output],
        # The container's first process forwards a stop signal to the tool, so a canceled
        # task's container stops at once instead of after Docker's 10 s grace period.
        "init": True,
        "remove_container": True,
        **run_options,
    }


def count_words_in_container(path, run_options=None, **options):
    """Queue docker_run on the file at path (on the worker host); its result is the counts.

    options (such as girder_job_title) go to ``delay``.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing file, got {str(path)!r}")
    input_volume = BindMountVolume(str(path.parent), INPUT_DIR, "ro")
    source = VolumePath(path.name, volume=input_volume)
    return docker_run.delay(
        **count_words_arguments(source, VolumePath(COUNTS_FILE), **(run_options or {})),
        volumes=[input_volume],
        girder_result_hooks=[CountsFromVolume(COUNTS_FILE)],
        **options,
    )
