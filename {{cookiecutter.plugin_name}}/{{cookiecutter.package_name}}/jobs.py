"""What a task tells its Girder job beyond what girder_worker sends: the records it logs{% if cookiecutter.girder_plugin %}, and
the value it returns{% endif %}. Runs on workers: it must not import Girder.

**Log records.** girder_worker copies what a task prints into its Girder job's log, but not
what it logs: the worker's log handlers keep the streams they were given at start-up.
``send_to_girder_job(logger)`` sends a logger's records there. A job takes at most
``JOB_LOG_LIMIT`` bytes of records: 1 MiB, unless the worker's environment sets
``{{ cookiecutter.package_name | upper }}_JOB_LOG_LIMIT``. Past that, its records are dropped, and one closing line says
how many just before the job ends.
{% if cookiecutter.girder_plugin %}

**The return value.** girder_jobs keeps a job's status, progress and log, not what its task
returned. A route that wants the value passes the result hook ``StoreResultOnJob()``::

    fibonacci.delay(n, girder_result_hooks=[StoreResultOnJob()])

Once the task has returned, the hook sends the value as JSON to the Girder plugin's route
``PUT /{{ cookiecutter.plugin_name }}/job/{id}/result`` with the job's own token (the one girder_worker's job
manager reports status with), and the route keeps it in the job's ``meta.result`` as JSON text.
{% endif %}
"""

{% if cookiecutter.girder_plugin %}
import json
{% endif %}
import logging
import os
import weakref

{% if cookiecutter.girder_plugin %}
import requests
{% endif %}
from celery import current_task
from girder_worker.utils import JobStatus
{% if cookiecutter.girder_plugin %}
from girder_worker.utils.transform import ResultTransform
{% endif %}

#: Bytes of log records that one job takes at most, unless LIMIT_VARIABLE says otherwise.
JOB_LOG_LIMIT = 1024 * 1024
LIMIT_VARIABLE = "{{ cookiecutter.package_name | upper }}_JOB_LOG_LIMIT"
#: The statuses a job ends in.
ENDED = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


def job_log_limit(environ=os.environ):
    """The limit that environ sets, else JOB_LOG_LIMIT; a ValueError if it is no byte count."""
    value = environ.get(LIMIT_VARIABLE)
    if value is None:
        return JOB_LOG_LIMIT
    if not value.isdigit():
        raise ValueError(f"{LIMIT_VARIABLE} must be a whole number of bytes, got {value!r}")
    return int(value)


#: Read once, when the worker imports the tasks: a bad value stops the worker from starting.
LIMIT = job_log_limit()


class JobLog:
    """What one job's log has taken, and what it has dropped."""

    def __init__(self, limit):
        self.limit = limit
        self.taken = 0
        self.dropped_records = 0
        self.dropped_bytes = 0

    def admit(self, size):
        """Whether a record of size bytes may go; after the first that may not, none may."""
        if not self.dropped_records and self.taken + size <= self.limit:
            self.taken += size
            return True
        self.dropped_records += 1
        self.dropped_bytes += size
        return False

    def closing_line(self):
        return (
            f"{self.dropped_records} log records ({self.dropped_bytes} bytes) dropped: "
            f"a job's log takes at most {self.limit} bytes of them ({LIMIT_VARIABLE}).\n"
        )


#: The log of each job that runs now, by the girder_worker job manager that writes it.
_job_logs = weakref.WeakKeyDictionary()


def write(manager, line):
    """Send line to the log of manager's job, unless that log is full."""
    data = line.encode()
    log = _job_logs.get(manager)
    if log is None:
        log = _job_logs[manager] = JobLog(LIMIT)
    if log.admit(len(data)):
        manager.write(data)
    elif log.dropped_records == 1:
        close_before_the_end(manager, log)


def close_before_the_end(manager, log):
    """Have the job's closing line sent just before its final status.

    girder_worker ends a job with ``manager.updateStatus``, which sends the log first,
    so the line reaches Girder before the job shows as ended. A line sent after the
    task instead (task_postrun) would arrive after the job had ended.
    """
    update_status = manager.updateStatus

    def update_status_closing_the_log(status):
        if status in ENDED:
            manager.updateStatus = update_status  # one closing line, whatever follows
            manager.write(log.closing_line())
        update_status(status)

    manager.updateStatus = update_status_closing_the_log


class GirderJobLogHandler(logging.Handler):
    """Writes each record to the job of the task running now, if it has one."""

    def emit(self, record):
        manager = getattr(current_task, "job_manager", None) if current_task else None
        if manager is None:
            return
        try:
            write(manager, self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def send_to_girder_job(logger):
    """Give logger a GirderJobLogHandler, once however often it is called; return logger."""
    if not any(isinstance(handler, GirderJobLogHandler) for handler in logger.handlers):
        handler = GirderJobLogHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    return logger
{% if cookiecutter.girder_plugin %}


#: Seconds to wait for Girder to answer.
TIMEOUT = 30
#: Longest result kept, in characters of JSON: it lives in the job's document.
MAX_RESULT_LENGTH = 100_000


def result_url(api_url, job_id):
    """The plugin route that stores a job's result (girder_plugin/jobs.py)."""
    return f"{api_url.rstrip('/')}/{{ cookiecutter.plugin_name }}/job/{job_id}/result"


class StoreResultOnJob(ResultTransform):
    """Result hook: PUT the task's return value to its Girder job, and return it unchanged.

    A task run outside Girder has no job: then the hook does nothing. A value longer than
    MAX_RESULT_LENGTH stays off the job, which says so in its log. If Girder refuses the
    value, the task fails, and its job ends in ERROR with the reason in its log.
    """

    def transform(self, data):
        manager = getattr(current_task, "job_manager", None)
        if manager is None:
            return data
        text = json.dumps(data)
        if len(text) > MAX_RESULT_LENGTH:
            manager.write(f"The result is not kept on the job: {len(text)} characters of JSON.\n")
            return data
        response = requests.put(
            result_url(current_task.request.girder_api_url, manager.reference),
            data=text,
            # The job's token, with the scope jobs.job_<id>: it may only touch this job.
            headers={**manager.headers, "Content-Type": "application/json"},
            timeout=TIMEOUT,
        )
        if not response.ok:
            raise RuntimeError(
                f"Girder refused the result: {response.status_code} {response.text[:500]}"
            )
        return data
{% endif %}
