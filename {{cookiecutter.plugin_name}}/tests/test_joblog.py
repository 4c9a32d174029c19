"""What a task logs reaches its Girder job's log, up to a limit per job and one closing line."""

import pytest
{% if cookiecutter.girder_plugin %}
from girder_jobs.models.job import Job
{% endif %}
from girder_worker.utils import JobStatus
{% if cookiecutter.girder_plugin %}
from harness.girder import wait_for_job
{% endif %}

{% if cookiecutter.girder_plugin %}
from {{ cookiecutter.package_name }} import QUEUE, joblog
{% else %}
from {{ cookiecutter.package_name }} import joblog
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
        f"a job's log takes at most {limit} bytes of them ({joblog.LIMIT_VARIABLE}).\n"
    )


def test_the_limit_is_1_mib_unless_the_environment_sets_another():
    assert joblog.job_log_limit({}) == joblog.JOB_LOG_LIMIT == 1024 * 1024
    assert joblog.job_log_limit({joblog.LIMIT_VARIABLE: "2048"}) == 2048


@pytest.mark.parametrize("value", ["-1", "1MiB", ""])
def test_limit_not_a_byte_count_is_refused_naming_variable(value):
    """A limit that is not a byte count is refused with the variable's name."""
    with pytest.raises(
        ValueError, match=f"{joblog.LIMIT_VARIABLE} must be a whole number of bytes"
    ):
        joblog.job_log_limit({joblog.LIMIT_VARIABLE: value})


def test_records_past_the_limit_are_dropped_with_one_line(
    monkeypatch,
):
    """Past the limit, records are dropped; one closing line precedes the final status."""
    monkeypatch.setattr(joblog, "LIMIT", 10)
    manager = RecordingJobManager()
    # The second record does not fit; the third would, but the log stays cut where it was.
    for line in ["1234\n", "too long\n", "ok\n"]:
        joblog.write(manager, line)
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
    monkeypatch.setattr(joblog, "LIMIT", 10)
    manager = RecordingJobManager()
    for line in ["1234\n", "abcd\n"]:
        joblog.write(manager, line)
    manager.updateStatus(JobStatus.SUCCESS)
    assert manager.sent == [b"1234\n", b"abcd\n", JobStatus.SUCCESS]


def test_each_job_has_a_limit_of_its_own(monkeypatch):
    monkeypatch.setattr(joblog, "LIMIT", 5)
    first, second = RecordingJobManager(), RecordingJobManager()
    for manager in (first, second):
        joblog.write(manager, "1234\n")
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
    assert records == [record] * (joblog.JOB_LOG_LIMIT // len(record))
    assert len("".join(records)) <= joblog.JOB_LOG_LIMIT
    dropped = count - len(records)
    assert closing == closing_line(dropped, dropped * len(record), joblog.JOB_LOG_LIMIT)
{% endif %}
