"""What a task tells its Girder job: its log records, up to a limit per job and one closing
line{% if cookiecutter.girder_plugin %}; and its return value, kept on the job by the plugin's route{% endif %}."""

{% if cookiecutter.girder_plugin %}
import json
import subprocess
import sys

{% endif %}
import pytest
{% if cookiecutter.girder_plugin %}
from girder_jobs.models.job import Job
{% endif %}
from girder_worker.utils import JobStatus
{% if cookiecutter.girder_plugin %}
from harness.girder import client, wait_for_job
{% endif %}

{% if cookiecutter.girder_plugin %}
from {{ cookiecutter.package_name }} import QUEUE, jobs
from {{ cookiecutter.package_name }}.jobs import StoreResultOnJob, result_url
{% else %}
from {{ cookiecutter.package_name }} import jobs
{% endif %}


class RecordingJobManager:
    """What the handler needs of girder_worker's job manager, recording what it is sent."""

    def __init__(self):
        self.sent = []

    def write(self, message, forceFlush=False):
        self.sent.append(message)

    def updateStatus(self, status):
        self.sent.append(status)


def closing_line(records, size, limit):
    return (
        f"{records} log records ({size} bytes) dropped: "
        f"a job's log takes at most {limit} bytes of them ({jobs.LIMIT_VARIABLE}).\n"
    )


def test_the_limit_is_1_mib_unless_the_environment_sets_another():
    assert jobs.job_log_limit({}) == jobs.JOB_LOG_LIMIT == 1024 * 1024
    assert jobs.job_log_limit({jobs.LIMIT_VARIABLE: "2048"}) == 2048


@pytest.mark.parametrize("value", ["-1", "1MiB", ""])
def test_limit_not_a_byte_count_is_refused_naming_variable(value):
    """A limit that is not a byte count is refused with the variable's name."""
    with pytest.raises(ValueError, match=f"{jobs.LIMIT_VARIABLE} must be a whole number of bytes"):
        jobs.job_log_limit({jobs.LIMIT_VARIABLE: value})


def test_records_past_the_limit_are_dropped_with_one_line(
    monkeypatch,
):
    """Past the limit, records are dropped; one closing line precedes the final status."""
    monkeypatch.setattr(jobs, "LIMIT", 10)
    manager = RecordingJobManager()
    # The second record does not fit; the third would, but the log stays cut where it was.
    for line in ["1234\n", "too long\n", "ok\n"]:
        jobs.write(manager, line)
    manager.updateStatus(JobStatus.RUNNING)
    manager.updateStatus(JobStatus.SUCCESS)
    manager.updateStatus(JobStatus.CANCELED)  # an end after the end gets no second line
    assert manager.sent == [
        b"1234\n",
        JobStatus.RUNNING,
        closing_line(2, 12, 10),
        JobStatus.SUCCESS,
        JobStatus.CANCELED,
    ]


def test_job_within_the_limit_gets_every_record(monkeypatch):
    """A job within the limit gets every record, and no closing line."""
    monkeypatch.setattr(jobs, "LIMIT", 10)
    manager = RecordingJobManager()
    for line in ["1234\n", "abcd\n"]:
        jobs.write(manager, line)
    manager.updateStatus(JobStatus.SUCCESS)
    assert manager.sent == [b"1234\n", b"abcd\n", JobStatus.SUCCESS]


def test_each_job_has_a_limit_of_its_own(monkeypatch):
    monkeypatch.setattr(jobs, "LIMIT", 5)
    first, second = RecordingJobManager(), RecordingJobManager()
    for manager in (first, second):
        jobs.write(manager, "1234\n")
    assert first.sent == second.sent == [b"1234\n"]
{% if cookiecutter.girder_plugin %}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_task_logging_5_mib_succeeds_with_a_cut_log(girder, admin, worker):
    """A task that logs 5 MiB succeeds, its job log cut at the limit with one closing line."""
    count, size = 80, 64 * 1024
    job = Job().createJob(
        title="5 MiB of log records",
        type="test",
        handler="worker_handler",
        user=admin,
        args=(count, size),
        otherFields={
            "celeryTaskName": "harness.tasks.log_records",
            "celeryQueue": QUEUE,
        },
    )
    Job().scheduleJob(job)
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.SUCCESS, worker.log_tail()
    *records, closing = "".join(done["log"]).splitlines(keepends=True)
    record = f"INFO harness.tasks: {'x' * size}\n"
    assert records == [record] * (jobs.JOB_LOG_LIMIT // len(record))
    assert len("".join(records)) <= jobs.JOB_LOG_LIMIT
    dropped = count - len(records)
    assert closing == closing_line(dropped, dropped * len(record), jobs.JOB_LOG_LIMIT)


def test_the_hook_imports_on_a_worker_without_girder():
    # A worker host has no Girder: the module must import with girder unimportable.
    probe = "import sys; sys.modules['girder'] = None; import {{ cookiecutter.package_name }}.jobs"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_outside_girder_the_hook_passes_the_value_through():
    assert StoreResultOnJob().transform([1, 1, 2]) == [1, 1, 2]


def test_a_result_too_long_for_the_job_stays_off_it(monkeypatch):
    """The job's log says why its result is missing; the task does not fail for it."""
    manager = RecordingJobManager()
    monkeypatch.setattr(jobs, "current_task", type("Task", (), {"job_manager": manager})())
    value = "x" * jobs.MAX_RESULT_LENGTH
    assert StoreResultOnJob().transform(value) == value
    length = len(value) + 2  # JSON's quotes
    assert manager.sent == [f"The result is not kept on the job: {length} characters of JSON.\n"]


def test_the_result_url_is_the_plugins_route_under_the_api_url():
    assert result_url("http://g/api/v1/", "abc") == "http://g/api/v1/{{ cookiecutter.plugin_name }}/job/abc/result"


@pytest.fixture
def job_and_token(server, user):
    from girder.models.setting import Setting

    # Girder's worker plugin gives each new job the URL that its worker reports to.
    Setting().set("worker.api_url", "http://127.0.0.1/api/v1")

    def make():
        job = Job().createJob(title="a job", type="test", user=user)
        return job, Job().createJobToken(job)

    return make


def put_result(server, job, body, **auth):
    return server.request(
        f"/{{ cookiecutter.plugin_name }}/job/{job['_id']}/result",
        method="PUT",
        body=body,
        type="application/json",
        **auth,
    )


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
class TestTheResultRoute:
    def test_the_jobs_own_token_stores_the_value_as_json_text(self, server, job_and_token):
        job, token = job_and_token()
        big = 2**80  # more than MongoDB's 8-byte ints and JavaScript's exact integers
        response = put_result(server, job, json.dumps({"n": big}), token=token["_id"])
        assert response.output_status.startswith(b"200"), response.json
        stored = Job().load(job["_id"], force=True)["meta"]["result"]
        assert json.loads(stored) == {"n": big}

    def test_a_token_of_another_job_gets_403(self, server, job_and_token):
        job, _ = job_and_token()
        _, other_token = job_and_token()
        response = put_result(server, job, "1", token=other_token["_id"])
        assert response.output_status.startswith(b"403"), response.json

    def test_the_owners_login_gets_403(self, server, job_and_token, user):
        job, _ = job_and_token()
        response = put_result(server, job, "1", user=user)
        assert response.output_status.startswith(b"403"), response.json

    def test_no_token_gets_401(self, server, job_and_token):
        job, _ = job_and_token()
        response = put_result(server, job, "1")
        assert response.output_status.startswith(b"401"), response.json

    @pytest.mark.parametrize("body", ["{not json", "", "NaN"], ids=["broken", "empty", "nan"])
    def test_a_body_that_is_not_json_gets_400(self, server, job_and_token, body):
        job, token = job_and_token()
        response = put_result(server, job, body, token=token["_id"])
        assert response.output_status.startswith(b"400"), response.json

    def test_a_result_too_long_gets_400(self, server, job_and_token):
        job, token = job_and_token()
        response = put_result(server, job, json.dumps("x" * 200_000), token=token["_id"])
        assert response.output_status.startswith(b"400"), response.json
        assert "longer than" in response.json["message"]


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_the_fibonacci_route_leaves_the_number_in_the_jobs_meta(girder, user):
    job = client(girder, user).post("{{ cookiecutter.plugin_name }}/fibonacci", parameters={"n": 26})
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.SUCCESS, done["log"]
    assert done["meta"] == {"result": "121393"}
    # A user reads it as girder_jobs shows a job: meta is exposed at READ level.
    assert client(girder, user).get(f"job/{job['_id']}")["meta"]["result"] == "121393"
{% endif %}
