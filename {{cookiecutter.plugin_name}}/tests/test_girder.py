"""The Girder server half, in a real Girder server, with a real worker running its jobs.

Girder schedules a task two ways: a job document with ``handler="worker_handler"``
and the task's name (the way girder_worker's original example showed), and a REST
route of this plugin that calls the task's ``.delay()``. Both reach SUCCESS in Girder.
"""

import pytest
from girder_client import HttpError
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N

pytestmark = [pytest.mark.e2e, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

TASK_NAME = "{{ cookiecutter.package_name }}.analyses.tasks.{{ cookiecutter.task_name }}"
ROUTE = "{{ cookiecutter.plugin_name }}/{{ cookiecutter.task_name }}"
DONE = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


def schedule_by_name(user, *args):
    job = Job().createJob(
        title="Fibonacci number",
        type="{{ cookiecutter.package_name }}.{{ cookiecutter.task_name }}",
        handler="worker_handler",
        user=user,
        args=args,
        kwargs={},
        otherFields={"celeryTaskName": TASK_NAME, "celeryQueue": QUEUE},
    )
    Job().scheduleJob(job)
    return job


def test_a_job_scheduled_by_task_name_reaches_success(girder, admin, wait_for_job):
    job = schedule_by_name(admin, 26)
    assert wait_for_job(job["_id"], *DONE)["status"] == JobStatus.SUCCESS


def test_a_job_with_a_bad_argument_ends_in_error_with_the_tasks_message_in_its_log(
    girder, admin, wait_for_job
):
    job = wait_for_job(schedule_by_name(admin, 0)["_id"], *DONE)
    assert job["status"] == JobStatus.ERROR
    assert f"ValueError: n must be from 1 to {MAX_N}, got 0" in "".join(job["log"])


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
