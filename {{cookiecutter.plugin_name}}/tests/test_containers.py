"""The container example through a real worker and a real Docker engine.

The tests run the image that ``GW_TEST_DOCKER_IMAGE`` names (busybox, alpine: any image
with a POSIX shell), which must be on the local engine: they never pull.
"""

import time

import pytest
from docker.errors import DockerException
{% if cookiecutter.girder_plugin %}
from girder.models.item import Item
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
{% endif %}
from girder_worker.docker.tasks import docker_run
from girder_worker.docker.transforms import BindMountVolume, VolumePath
from harness import RESULT_TIMEOUT, docker
{% if cookiecutter.girder_plugin %}
from harness.girder import client, private_folder, run_file_route, wait_for_job
{% endif %}

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.analyses import containers

pytestmark = [pytest.mark.e2e, pytest.mark.docker]

CONTENT = "first line\nsecond\n"
{% if cookiecutter.girder_plugin %}
ROUTE = "{{ cookiecutter.plugin_name }}/count_words_in_container"
{% endif %}


@pytest.fixture(scope="module")
def image(docker_engine):
    return docker.image_or_skip(docker_engine, "GW_TEST_DOCKER_IMAGE")


@pytest.fixture
def example_runs_the_test_image(image, monkeypatch):
    """Set the example's image variables, for this test, to the local image, never pulled."""
    monkeypatch.setenv(containers.IMAGE_VARIABLE, image)
    monkeypatch.setenv(containers.PULL_VARIABLE, "no")


@pytest.fixture
def run_options():
    """docker run options that label this test's containers."""
    return docker.labelled_options()


@pytest.fixture
def containers_of(worker, app_on_the_test_broker, docker_engine, example_runs_the_test_image):
    """With a worker and an engine to run them: the containers that carry some run options."""
    return lambda options: docker.containers_with(docker_engine, options)


def run_in_container(image, command, run_options):
    """girder_worker's own docker_run, with the options of the example."""
    return docker_run.apply_async(
        kwargs={"image": image, "pull_image": False, "container_args": command}
        # init=True: sleep, the container's first process otherwise, ignores Docker's stop signal.
        | {"init": True, **run_options},
        # docker_run is girder_worker's task, not the plugin's: it follows no plugin route.
        queue=QUEUE,
    )


def test_a_pull_setting_other_than_yes_or_no_is_refused(monkeypatch):
    monkeypatch.setenv(containers.PULL_VARIABLE, "sometimes")
    with pytest.raises(ValueError, match=f"{containers.PULL_VARIABLE} must be yes or no"):
        containers.count_words_in_container(__file__)


def test_the_tool_in_a_container_counts_the_lines_words_and_bytes_of_a_file(
    containers_of, worker, run_options, tmp_path
):
    source = tmp_path / "notes.txt"
    source.write_text(CONTENT)
    result = containers.count_words_in_container(source, run_options=run_options)
    (counts,) = result.get(timeout=RESULT_TIMEOUT)
    assert counts == {"lines": 2, "words": 3, "bytes": len(CONTENT)}, worker.log_tail()
    assert containers_of(run_options) == [], "the container was not removed"


def test_a_missing_file_is_refused_before_any_container_starts(
    containers_of, run_options, tmp_path
):
    with pytest.raises(ValueError, match="path must be an existing file"):
        containers.count_words_in_container(tmp_path / "missing.txt", run_options=run_options)
    assert containers_of(run_options) == []


def test_a_failing_tool_fails_the_task_with_the_exit_code_and_the_containers_stderr(
    containers_of, run_options, tmp_path
):
    # The directory is mounted, but the file the tool is told to read is not in it.
    volume = BindMountVolume(str(tmp_path), containers.INPUT_DIR, "ro")
    source = VolumePath("missing.txt", volume=volume)
    output = VolumePath(containers.COUNTS_FILE)
    result = containers.count_words.delay(
        **containers.count_words_arguments(source, output, **run_options),
        volumes=[volume],
        girder_result_hooks=[containers.CountsFromVolume(containers.COUNTS_FILE)],
    )
    with pytest.raises(RuntimeError) as failed:
        result.get(timeout=RESULT_TIMEOUT)
    assert "Non-zero exit code from docker container (" in str(failed.value)
    assert "missing.txt" in str(failed.value), str(failed.value)
    assert containers_of(run_options) == []


def test_a_failing_container_fails_the_task_with_its_exit_code_and_its_stderr_in_the_log(
    containers_of, worker, image, run_options
):
    failing = ["sh", "-c", "echo 'no such input' >&2; exit 3"]
    result = run_in_container(image, failing, run_options)
    with pytest.raises(DockerException, match=r"Non-zero exit code from docker container \(3\)"):
        result.get(timeout=RESULT_TIMEOUT)
    assert "no such input" in worker.log()


@pytest.mark.broadcast
def test_a_revoked_task_stops_its_long_running_container_within_seconds(
    containers_of, worker, app_on_the_test_broker, image, run_options
):
    result = run_in_container(image, ["sleep", "60"], run_options)
    deadline = time.monotonic() + RESULT_TIMEOUT
    while not containers_of(run_options):
        assert time.monotonic() < deadline, worker.log_tail()
        time.sleep(0.1)
    revoked_at = time.monotonic()
    app_on_the_test_broker.control.revoke(result.id)
    while containers_of(run_options):
        assert time.monotonic() - revoked_at < 5, "the container outlived its task by 5 s"
        time.sleep(0.1)
{% if cookiecutter.girder_plugin %}


@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_a_girder_file_goes_through_the_tool_in_a_container_and_its_counts_come_back_as_a_file(
    containers_of, girder, user, fsAssetstore
):
    uploaded = run_file_route(girder, user, ROUTE, CONTENT)
    assert list(uploaded) == ["notes.txt.wc.txt"]
    assert uploaded["notes.txt.wc.txt"].split() == [b"2", b"3", b"18"]


@pytest.fixture(scope="module")
def slow_image(docker_engine, image):
    """The test image, made a tool that takes a minute whatever it is asked to do."""
    container = docker_engine.containers.create(image, ["true"])
    try:
        slow = container.commit(changes=['ENTRYPOINT ["sh", "-c", "sleep 60", "sh"]'])
    finally:
        container.remove()
    yield slow.id
    docker_engine.images.remove(slow.id)


@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.broadcast
def test_a_container_job_canceled_through_girder_ends_canceled_and_its_container_goes_within_5_s(
    girder, user, fsAssetstore, docker_engine, slow_image, monkeypatch
):
    monkeypatch.setenv(containers.IMAGE_VARIABLE, slow_image)
    monkeypatch.setenv(containers.PULL_VARIABLE, "no")
    folder = private_folder(user)
    source = girder.uploadFile("notes.txt", CONTENT, user, folder)
    target = Item().createItem("Results", creator=user, folder=folder)
    girder_client = client(girder, user)
    job = girder_client.post(
        ROUTE, parameters={"fileId": source["_id"], "itemId": str(target["_id"])}
    )
    task_id = Job().load(job["_id"], force=True)["celeryTaskId"]
    of_the_job = {"labels": {containers.RUN_LABEL: task_id}}
    deadline = time.monotonic() + RESULT_TIMEOUT
    while not docker.containers_with(docker_engine, of_the_job):
        assert time.monotonic() < deadline, "the job's container never started"
        time.sleep(0.1)
    canceled_at = time.monotonic()
    girder_client.put(f"job/{job['_id']}/cancel")
    while docker.containers_with(docker_engine, of_the_job):
        assert time.monotonic() - canceled_at < 5, "the container outlived the cancel by 5 s"
        time.sleep(0.1)
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.CANCELED, done["log"]
    assert list(girder_client.listFile(str(target["_id"]))) == []
{% endif %}
