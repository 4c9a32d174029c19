"""The girder_io example: a file goes in, a file that holds its line count comes out."""

{% if cookiecutter.girder_plugin %}
import json
{% endif %}
import tempfile
{% if cookiecutter.girder_plugin %}
import time
{% endif %}
from pathlib import Path

import pytest
{% if cookiecutter.girder_plugin %}
from girder.constants import TokenScope
from girder.models.item import Item
from girder.models.token import Token
from girder.models.user import User
from girder_client import HttpError
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.girder import client, job_count, private_folder, run_file_route, wait_for_job
from harness.workers import taking_nothing_from
{% endif %}

{% if cookiecutter.girder_plugin %}
from {{ cookiecutter.package_name }} import QUEUE
{% endif %}
from {{ cookiecutter.package_name }}.analyses.files import count_lines
from {{ cookiecutter.package_name }}.described import NamedGirderFile
{% if cookiecutter.girder_plugin %}

ROUTE = "{{ cookiecutter.plugin_name }}/count_lines"
{% endif %}


@pytest.fixture
def temporary_dir(tmp_path, monkeypatch):
    """The directory where tempfile makes its files and directories, for this test."""
    path = tmp_path / "tmp"
    path.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(path))
    return path


def test_count_lines_writes_a_file_named_after_the_input(tmp_path, temporary_dir):
    """count_lines writes the count into a new directory, in a file named after the input."""
    source = tmp_path / "input.txt"
    source.write_bytes(b"first\nsecond\nthird\n")
    result = Path(count_lines(str(source)))
    assert result.parent == temporary_dir
    assert [path.name for path in result.iterdir()] == ["input.txt.lines.txt"]
    assert (result / "input.txt.lines.txt").read_text() == "3\n"


def test_count_lines_that_fails_leaves_no_directory_behind(tmp_path, temporary_dir):
    with pytest.raises(FileNotFoundError):
        count_lines(str(tmp_path / "missing.txt"))
    assert list(temporary_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "downloaded_as"),
    [("notes.txt", "notes.txt"), ("a/../b.txt", "b.txt"), ("..", "file-id")],
    ids=["a-name", "a-path", "dots"],
)
def test_a_girder_file_downloads_under_its_name_alone(name, downloaded_as):
    """The download keeps the file's name, never a path out of its own directory."""
    assert NamedGirderFile("file-id", name, gc=object()).name == downloaded_as
{% if cookiecutter.girder_plugin %}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_girder_file_comes_back_as_its_line_count_file(girder, user, fsAssetstore):
    """A Girder file goes in; its line count comes back as a file named after it. The job's
    token, with which the worker downloads and uploads, goes when the job ends."""
    uploaded = run_file_route(girder, user, ROUTE, "first\nsecond\nthird\n")
    assert uploaded == {"notes.txt.lines.txt": b"3\n"}
    # Girder deletes it as it records the job's end.
    deadline = time.monotonic() + 10
    while data_tokens() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert data_tokens() == 0


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.parametrize("denied", ["file", "item"], ids=["no-read-on-file", "no-write-on-item"])
def test_a_user_without_access_gets_403_and_no_job(girder, user, fsAssetstore, denied):
    """No job, and no token left behind: the route makes one only once every value is good."""
    other = User().createUser("other", "password", "Other", "User", "other@girder.test")
    source = girder.uploadFile("notes.txt", "one\n", user, private_folder(user))
    if denied == "file":
        target = Item().createItem("Mine", creator=other, folder=private_folder(other))
    else:
        source = girder.uploadFile("notes.txt", "one\n", other, private_folder(other))
        target = Item().createItem("Not mine", creator=user, folder=private_folder(user))
    girder_client = client(girder, other)
    before = job_count(), data_tokens()
    with pytest.raises(HttpError) as refused:
        girder_client.post(
            ROUTE, parameters={"fileId": source["_id"], "itemId": str(target["_id"])}
        )
    assert refused.value.status == 403
    assert (job_count(), data_tokens()) == before


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"fileId": "nope"}, "fileId must be the id of a Girder file, got 'nope'."),
        ({"fileId": "0" * 24}, f"fileId must be the id of a Girder file, got '{'0' * 24}'."),
        ({}, "fileId is missing: give the id of a Girder file."),
    ],
    ids=["not-an-id", "no-such-file", "missing"],
)
def test_a_bad_or_missing_file_gets_400_and_no_job(girder, user, fsAssetstore, given, message):
    """The route names the parameter and what it takes, as for any other value."""
    target = Item().createItem("Results", creator=user, folder=private_folder(user))
    girder_client = client(girder, user)
    before = job_count(), data_tokens()
    with pytest.raises(HttpError) as refused:
        girder_client.post(ROUTE, parameters={"itemId": str(target["_id"]), **given})
    assert refused.value.status == 400
    assert json.loads(refused.value.responseText)["message"] == message
    assert (job_count(), data_tokens()) == before


def data_tokens():
    """How many tokens may write Girder data: what a job's downloads and uploads are given."""
    return Token().collection.count_documents({"scope": TokenScope.DATA_WRITE})


ENDS = {"success": JobStatus.SUCCESS, "error": JobStatus.ERROR, "canceled": JobStatus.CANCELED}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.parametrize(
    "end",
    ["success", "error", "canceled"],
)
def test_job_leaves_nothing_in_the_workers_tmpdir(
    girder, worker, app_on_the_test_broker, user, fsAssetstore, end
):
    """However the job ends, it leaves nothing in the worker's temporary directory: neither the
    download nor the result."""
    worker_tmp = Path(worker.env["TMPDIR"])
    before = set(worker_tmp.iterdir())
    folder = private_folder(user)
    source = girder.uploadFile("notes.txt", "one\n", user, folder)
    target = Item().createItem("Results", creator=user, folder=folder)
    girder_client = client(girder, user)
    parameters = {"fileId": source["_id"], "itemId": str(target["_id"])}
    if end == "success":
        job = girder_client.post(ROUTE, parameters=parameters)
    else:
        with taking_nothing_from(QUEUE, worker, app_on_the_test_broker):
            job = girder_client.post(ROUTE, parameters=parameters)
            if end == "canceled":
                girder_client.put(f"job/{job['_id']}/cancel")
            else:
                # The item goes while the job waits: the upload into it fails, after the task.
                Item().remove(target)
    if end == "canceled":
        # The worker gets the task once it takes from the queue again, and drops it.
        task_id = Job().load(job["_id"], force=True)["celeryTaskId"]
        worker.wait_for_log(f"Discarding revoked task: {count_lines.name}[{task_id}]")
    done = wait_for_job(job["_id"])
    assert done["status"] == ENDS[end], done["log"]
    assert set(worker_tmp.iterdir()) == before
{% endif %}
