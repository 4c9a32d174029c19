"""The Girder server half, in a real Girder server, with a real worker running its jobs.

Girder schedules a task two ways: a job document with ``handler="worker_handler"``
and the task's name (the way girder_worker's original example showed), and a REST
route of this plugin that calls the task's ``.delay()``. Both reach SUCCESS in Girder,
and so do the README's snippets, which these tests run as written.
"""

import json
import os
import re
import subprocess
{% if cookiecutter.progress_task %}
import time
{% endif %}
from pathlib import Path

import pytest
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.models.folder import Folder
from girder.models.item import Item
{% endif %}
from girder.models.token import Token
{% if cookiecutter.girder_io_task %}
from girder.models.user import User
{% endif %}
from girder_client import HttpError
from girder_jobs.constants import JobStatus

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N

pytestmark = [pytest.mark.e2e, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ROUTE = "{{ cookiecutter.plugin_name }}/{{ cookiecutter.task_name }}"
DONE = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


def readme_snippets(language, section="Run it from Girder"):
    """The code blocks of one language in one section of the README."""
    text = (PROJECT_ROOT / "README.md").read_text()
    body = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", body, re.DOTALL)


def run_readme_job_snippet(user, replace=("", "")):
    """Run the README's job snippet as Girder code would, with user as the job's owner."""
    (snippet,) = readme_snippets("python")
    assert replace[0] in snippet
    namespace = {"user": user}
    exec(snippet.replace(*replace), namespace)
    return namespace["job"]


def test_a_job_scheduled_by_task_name_as_the_readme_shows_reaches_success(
    girder, admin, wait_for_job
):
    job = run_readme_job_snippet(admin)
    assert wait_for_job(job["_id"], *DONE)["status"] == JobStatus.SUCCESS


def test_a_job_with_a_bad_argument_ends_in_error_with_the_tasks_message_in_its_log(
    girder, admin, wait_for_job
):
    job = run_readme_job_snippet(admin, replace=("args=(26,)", "args=(0,)"))
    done = wait_for_job(job["_id"], *DONE)
    assert done["status"] == JobStatus.ERROR
    assert f"ValueError: n must be from 1 to {MAX_N}, got 0" in "".join(done["log"])


def test_the_readmes_curl_call_schedules_a_job_that_reaches_success(girder, user, wait_for_job):
    (snippet,) = readme_snippets("bash")
    env = {
        **os.environ,
        "GIRDER_TOKEN": str(Token().createToken(user)["_id"]),
        "GIRDER_API_URL": girder.api_url,
    }
    run = subprocess.run(
        ["bash", "-c", snippet], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    job = json.loads(run.stdout)
    assert wait_for_job(job["_id"], *DONE)["status"] == JobStatus.SUCCESS


def test_the_route_returns_the_job_it_created_and_the_job_reaches_success(
    girder, user, login, wait_for_job
):
    client = login(user)
    job = client.post(ROUTE, parameters={"n": 26})
    assert job["title"] == "Fibonacci number 26"
    assert client.get(f"job/{job['_id']}")["title"] == job["title"]
    assert "args" not in job, "Girder shows a job's arguments to site admins only"
    done = wait_for_job(job["_id"], *DONE)
    assert done["status"] == JobStatus.SUCCESS, done["log"]
    # What the task logs reaches the job's log in Girder.
    assert "Fibonacci number 26 has 6 digits" in "".join(done["log"])


@pytest.mark.parametrize(
    ("n", "message"),
    [
        ("0", f"n must be from 1 to {MAX_N}, got 0."),
        (str(MAX_N + 1), f"n must be from 1 to {MAX_N}, got {MAX_N + 1}."),
        ("x", "n must be a whole number, got 'x'."),
    ],
    ids=["zero", "above-max", "not-a-number"],
)
def test_a_bad_n_gets_400_saying_what_is_allowed_and_no_job(
    girder, user, login, job_count, n, message
):
    before = job_count()
    with pytest.raises(HttpError) as refused:
        login(user).post(ROUTE, parameters={"n": n})
    assert refused.value.status == 400
    assert refused.value.responseText.count(message) == 1, refused.value.responseText
    assert job_count() == before


def test_an_anonymous_call_gets_401_and_no_job(girder, login, job_count):
    before = job_count()
    with pytest.raises(HttpError) as refused:
        login().post(ROUTE, parameters={"n": 26})
    assert refused.value.status == 401
    assert job_count() == before
{% if cookiecutter.progress_task %}


def test_the_sequence_jobs_progress_shows_in_girder_while_it_runs(
    girder, user, login, wait_for_job
):
    client = login(user)
    job = client.post("{{ cookiecutter.plugin_name }}/fibonacci_sequence", parameters={"n": 8, "delay": 0.3})
    seen = []
    while (current := client.get(f"job/{job['_id']}"))["status"] not in DONE:
        if current["status"] == JobStatus.RUNNING and current.get("progress"):
            seen.append(current["progress"]["current"])
        time.sleep(0.1)
    assert current["status"] == JobStatus.SUCCESS
    assert current["progress"]["current"] == current["progress"]["total"] == 8
    assert any(0 < step < 8 for step in seen), seen


@pytest.mark.parametrize(
    "delay", ["-1", "11", "soon"], ids=["negative", "too-long", "not-a-number"]
)
def test_a_bad_delay_gets_400_and_no_job(girder, user, login, job_count, delay):
    before = job_count()
    with pytest.raises(HttpError) as refused:
        login(user).post("{{ cookiecutter.plugin_name }}/fibonacci_sequence", parameters={"n": 8, "delay": delay})
    assert refused.value.status == 400
    assert "delay must be a number of seconds from 0 to" in refused.value.responseText
    assert job_count() == before


@pytest.mark.skipif(
    not os.environ.get("GW_TEST_BROKER"),
    reason="canceling needs a broker that broadcasts (RabbitMQ, Redis): set GW_TEST_BROKER",
)
def test_a_job_canceled_through_girders_api_stops_early_and_ends_canceled(
    girder, user, login, wait_for_job
):
    client = login(user)
    job = client.post("{{ cookiecutter.plugin_name }}/fibonacci_sequence", parameters={"n": 600, "delay": 0.05})
    wait_for_job(job["_id"], JobStatus.RUNNING, *DONE)
    canceled_at = time.monotonic()
    client.put(f"job/{job['_id']}/cancel")
    done = wait_for_job(job["_id"], *DONE)
    stopped_after = time.monotonic() - canceled_at
    assert done["status"] == JobStatus.CANCELED, done["log"]
    # The task checks for a cancel every CANCEL_CHECK_INTERVAL, not on every step.
    assert stopped_after < 5, stopped_after
    assert "Canceled after" in "".join(done["log"])
{% endif %}
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}


@pytest.fixture
def private_folder(girder, user, fsAssetstore):
    return Folder().childFolders(user, "user", user=user, filters={"name": "Private"})[0]


@pytest.fixture
def run_file_route(girder, user, login, private_folder, wait_for_job):
    """Upload a file, run a route on it into a new item; the files that reach the item."""

    def run(route, content):
        source = girder.uploadFile("notes.txt", content, user, private_folder)
        results = Item().createItem("Results", creator=user, folder=private_folder)
        client = login(user)
        parameters = {"fileId": source["_id"], "itemId": str(results["_id"])}
        job = client.post(route, parameters=parameters)
        done = wait_for_job(job["_id"], *DONE)
        assert done["status"] == JobStatus.SUCCESS, done["log"]
        return {
            file["name"]: b"".join(client.downloadFileAsIterator(file["_id"]))
            for file in client.listFile(str(results["_id"]))
        }

    return run
{% endif %}
{% if cookiecutter.girder_io_task %}


def test_a_girder_file_goes_in_and_its_line_count_comes_back_as_a_file_named_after_it(
    run_file_route,
):
    uploaded = run_file_route("{{ cookiecutter.plugin_name }}/count_lines", "first\nsecond\nthird\n")
    assert uploaded == {"notes.txt.lines.txt": b"3\n"}


@pytest.mark.parametrize("denied", ["file", "item"], ids=["no-read-on-file", "no-write-on-item"])
def test_a_user_without_access_gets_403_and_no_job(
    girder, user, login, private_folder, job_count, denied
):
    other = User().createUser("other", "password", "Other", "User", "other@girder.test")
    others_folder = Folder().childFolders(other, "user", user=other, filters={"name": "Private"})[0]
    source = girder.uploadFile("notes.txt", "one\n", user, private_folder)
    if denied == "file":
        target = Item().createItem("Mine", creator=other, folder=others_folder)
    else:
        source = girder.uploadFile("notes.txt", "one\n", other, others_folder)
        target = Item().createItem("Not mine", creator=user, folder=private_folder)
    before = job_count()
    with pytest.raises(HttpError) as refused:
        login(other).post(
            "{{ cookiecutter.plugin_name }}/count_lines",
            parameters={"fileId": source["_id"], "itemId": str(target["_id"])},
        )
    assert refused.value.status == 403
    assert job_count() == before
{% endif %}
{% if cookiecutter.docker_task %}


@pytest.mark.docker
def test_a_girder_file_goes_through_the_tool_in_a_container_and_its_counts_come_back_as_a_file(
    run_file_route, run_label
):
    route = "{{ cookiecutter.plugin_name }}/count_words_in_container"
    uploaded = run_file_route(route, "first line\nsecond\n")
    assert list(uploaded) == ["notes.txt.wc.txt"]
    assert uploaded["notes.txt.wc.txt"].split() == [b"2", b"3", b"18"]
{% endif %}
