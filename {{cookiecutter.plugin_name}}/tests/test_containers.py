"""The container example through a real worker and a real Docker engine (see the
docker_engine fixture for the image these tests use)."""

import os
import time

import pytest
from docker.errors import DockerException
from girder_worker.docker.tasks import docker_run
from girder_worker.docker.transforms import BindMountVolume, VolumePath

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.analyses import containers

pytestmark = [pytest.mark.e2e, pytest.mark.docker]

IMAGE = os.environ.get("GW_TEST_DOCKER_IMAGE")
RESULT_TIMEOUT = 60
CONTENT = "first line\nsecond\n"


def run_in_container(command, run_options):
    """girder_worker's own docker_run, with the options of the example."""
    return docker_run.apply_async(
        kwargs={"image": IMAGE, "pull_image": False, "container_args": command}
        # init=True: sleep, the container's first process otherwise, ignores Docker's stop signal.
        | {"init": True, **run_options},
        # docker_run is girder_worker's task, not the plugin's: it follows no plugin route.
        queue=QUEUE,
    )


def test_the_tool_in_a_container_counts_the_lines_words_and_bytes_of_a_file(
    worker, girder_worker_app, run_label, labelled, tmp_path
):
    source = tmp_path / "notes.txt"
    source.write_text(CONTENT)
    result = containers.count_words_in_container(source, run_options=run_label)
    (counts,) = result.get(timeout=RESULT_TIMEOUT)
    assert counts == {"lines": 2, "words": 3, "bytes": len(CONTENT)}, worker.log_tail()
    assert labelled(run_label) == [], "the container was not removed"


def test_a_missing_file_is_refused_before_any_container_starts(
    worker, girder_worker_app, run_label, labelled, tmp_path
):
    with pytest.raises(ValueError, match="path must be an existing file"):
        containers.count_words_in_container(tmp_path / "missing.txt", run_options=run_label)
    assert labelled(run_label) == []


def test_a_failing_tool_fails_the_task_with_the_exit_code_and_the_containers_stderr(
    worker, girder_worker_app, run_label, labelled, tmp_path
):
    # The directory is mounted, but the file the tool is told to read is not in it.
    volume = BindMountVolume(str(tmp_path), containers.INPUT_DIR, "ro")
    source = VolumePath("missing.txt", volume=volume)
    output = VolumePath(containers.COUNTS_FILE)
    result = containers.count_words.delay(
        **containers.count_words_arguments(source, output, **run_label),
        volumes=[volume],
        girder_result_hooks=[containers.CountsFromVolume(containers.COUNTS_FILE)],
    )
    with pytest.raises(RuntimeError) as failed:
        result.get(timeout=RESULT_TIMEOUT)
    assert "Non-zero exit code from docker container (" in str(failed.value)
    assert "missing.txt" in str(failed.value), str(failed.value)
    assert labelled(run_label) == []


def test_a_pull_setting_other_than_yes_or_no_is_refused(monkeypatch, tmp_path):
    monkeypatch.setenv(containers.PULL_VARIABLE, "sometimes")
    with pytest.raises(ValueError, match=f"{containers.PULL_VARIABLE} must be yes or no"):
        containers.count_words_in_container(__file__)


def test_a_failing_container_fails_the_task_with_its_exit_code_and_its_stderr_in_the_log(
    worker, girder_worker_app, run_label
):
    failing = ["sh", "-c", "echo 'no such input' >&2; exit 3"]
    result = run_in_container(failing, run_label)
    with pytest.raises(DockerException, match=r"Non-zero exit code from docker container \(3\)"):
        result.get(timeout=RESULT_TIMEOUT)
    assert "no such input" in worker.log()


@pytest.mark.skipif(
    not os.environ.get("GW_TEST_BROKER"),
    reason="revoking needs a broker that broadcasts (RabbitMQ, Redis): set GW_TEST_BROKER",
)
def test_a_revoked_task_stops_its_long_running_container_within_seconds(
    worker, girder_worker_app, run_label, labelled
):
    result = run_in_container(["sleep", "60"], run_label)
    deadline = time.monotonic() + RESULT_TIMEOUT
    while not labelled(run_label):
        assert time.monotonic() < deadline, worker.log_tail()
        time.sleep(0.1)
    revoked_at = time.monotonic()
    girder_worker_app.control.revoke(result.id)
    while labelled(run_label):
        assert time.monotonic() - revoked_at < 5, "the container outlived its task by 5 s"
        time.sleep(0.1)
