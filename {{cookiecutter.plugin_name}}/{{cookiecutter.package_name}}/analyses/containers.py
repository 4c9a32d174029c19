"""A command-line tool in a Docker container, run the way girder_worker's ``docker_run`` runs it.

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

import docker
from docker.errors import DockerException
from girder_worker.app import app
from girder_worker.docker.tasks import DockerTask, docker_run
from girder_worker.docker.transforms import BindMountVolume, VolumePath
from girder_worker.utils import girder_job
from girder_worker.utils.transform import ResultTransform

#: The image, by default a small public one with a pinned tag.
IMAGE_VARIABLE = "{{ cookiecutter.package_name | upper }}_DOCKER_IMAGE"
DEFAULT_IMAGE = "busybox:1.37.0"
#: "no" runs only an image the worker has already; "yes" pulls it first.
PULL_VARIABLE = "{{ cookiecutter.package_name | upper }}_DOCKER_PULL"
#: Where the input's directory is mounted in the container, read-only.
INPUT_DIR = "/mnt/input"
COUNTS_FILE = "counts.txt"
#: Every container of the task carries the task's id under this label.
RUN_LABEL = "{{ cookiecutter.package_name }}.task-id"
# $0 is the input file, $1 the output file.
SCRIPT = 'wc < "$0" > "$1"'


def image():
    return os.environ.get(IMAGE_VARIABLE, DEFAULT_IMAGE)


def pull_image():
    value = os.environ.get(PULL_VARIABLE, "yes")
    if value not in ("yes", "no"):
        raise ValueError(f"{PULL_VARIABLE} must be yes or no, got {value!r}")
    return value == "yes"


class CountsFromVolume(VolumePath, ResultTransform):
    """Result hook: the lines, words and bytes that the tool wrote into a volume file."""

    def transform(self, *args, **kwargs):
        lines, words, size = Path(super().transform(*args, **kwargs)).read_text().split()
        return {"lines": int(lines), "words": int(words), "bytes": int(size)}


class DockerTaskWithResults(DockerTask):
    """docker_run's task class, returning what its result hooks make of the outputs.

    girder_worker 5's DockerTask runs the result hooks but drops what they return, so a
    docker_run outside Girder has no result; this class keeps it.
    """

    def _maybe_transform_result(self, idx, result):
        value = super()._maybe_transform_result(idx, result)
        self.request.hook_results = (*getattr(self.request, "hook_results", ()), value)
        return value

    def __call__(self, *args, **kwargs):
        super().__call__(*args, **kwargs)
        return getattr(self.request, "hook_results", None)


@girder_job(title="Word count in a container", type="{{ cookiecutter.package_name }}.count_words")
@app.task(base=DockerTaskWithResults, bind=True)
def count_words(
    self, source, output, image=DEFAULT_IMAGE, pull_image=True, remove_container=True, **run_options
):
    """Run the tool on source, writing to output (volume paths), as docker_run does.

    run_options go to Docker as they are (``volumes``, ``labels``...). A run that fails
    raises a RuntimeError with the container's exit code and the end of its stderr.
    """
    run_label = {RUN_LABEL: str(self.request.id)}
    labels = {**run_options.pop("labels", {}), **run_label}
    container_args = ["sh", "-c", SCRIPT, source, output]
    try:
        # docker_run's own function, run as this task (its cancel checks, result hooks);
        # the container stays until its stderr has been read.
        return docker_run.run.__func__(
            self,
            image,
            pull_image,
            container_args=container_args,
            remove_container=False,
            labels=labels,
            **run_options,
        )
    except DockerException as error:
        raise RuntimeError(f"{error} Its stderr ends with: {stderr_tail(run_label)!r}") from None
    finally:
        if remove_container:
            for container in containers_labelled(run_label):
                container.remove(force=True)


def containers_labelled(labels):
    client = docker.from_env()
    selector = [f"{name}={value}" for name, value in labels.items()]
    return client.containers.list(all=True, filters={"label": selector})


def stderr_tail(labels, limit=2000):
    logs = b"".join(c.logs(stdout=False, stderr=True) for c in containers_labelled(labels))
    return logs.decode(errors="replace")[-limit:].strip()


def count_words_arguments(source, output, **run_options):
    """count_words's keyword arguments: the tool reads source and writes output.

    run_options go to Docker as they are (``labels``...).
    """
    return {
        "source": source,
        "output": output,
        "image": image(),
        "pull_image": pull_image(),
        # The container's first process forwards a stop signal to the tool, so a canceled
        # task's container stops at once instead of after Docker's 10 s grace period.
        "init": True,
        "remove_container": True,
        **run_options,
    }


def count_words_in_container(path, run_options=None, **options):
    """Count the words of the file at path (on the worker host) in a container.

    The result is ``[{"lines": ..., "words": ..., "bytes": ...}]``; options (such as
    girder_job_title) go to ``delay``.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"path must be an existing file, got {str(path)!r}")
    input_volume = BindMountVolume(str(path.parent), INPUT_DIR, "ro")
    source = VolumePath(path.name, volume=input_volume)
    arguments = count_words_arguments(source, VolumePath(COUNTS_FILE), **(run_options or {}))
    return count_words.delay(
        **arguments,
        volumes=[input_volume],
        girder_result_hooks=[CountsFromVolume(COUNTS_FILE)],
        **options,
    )
