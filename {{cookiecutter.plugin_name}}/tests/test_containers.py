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


def test_container_tool_counts_lines_words_and_bytes(containers_of, worker, run_options, tmp_path):
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


def test_failing_tool_fails_the_task_with_code_and_stderr(containers_of, run_options, tmp_path):
    """A failing tool fails the task with its exit code and the container's stderr."""
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


def test_failing_container_puts_code_and_stderr_in_the_log(
    containers_of, worker, image, run_options
):
    """A failing container fails the task with its exit code, and its stderr is in the log."""
    failing = ["sh", "-c", "echo 'no such input' >&2; exit 3"]
    result = run_in_container(image, failing, run_options)
    with pytest.raises(DockerException, match=r"Non-zero exit code from docker container \(3\)"):
        result.get(timeout=RESULT_TIMEOUT)
    assert "no such input" in worker.log()


def test_revoked_task_stops_its_container_within_seconds(
    containers_of, worker, app_on_the_test_broker, image, run_options
):
    """A revoked task stops its long-running container within seconds."""
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
def test_girder_file_through_container_comes_back_counted(
    containers_of, girder, user, fsAssetstore
):
    """A Girder file goes through the tool in a container; its counts come back as a file."""
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
def test_canceled_container_job_removes_container_within_5_s(
    girder, user, fsAssetstore, docker_engine, slow_image, monkeypatch
):
    """A container job canceled through Girder ends canceled; its container goes within 5 s."""
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
