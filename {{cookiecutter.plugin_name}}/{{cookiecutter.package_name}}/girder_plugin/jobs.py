"""What a page needs to know of a job beyond girder_jobs' own routes.

- ``PUT /{{ cookiecutter.plugin_name }}/job/{id}/result``: a task's return value, kept on its job.
  girder_jobs keeps a job's status, progress and log, not what its task returned. The worker
  sends the value here (``{{ cookiecutter.package_name }}.jobs``) and the job keeps it as
  JSON text in ``meta.result``, where the web client reads it.
- ``GET /{{ cookiecutter.plugin_name }}/workers``: whether a worker serves the plugin's queue
  now, which a page asks while its job waits. It answers within seconds even when the broker is
  down; queueing is allowed whatever it finds, as the broker keeps the message.
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import getCurrentToken
from girder.exceptions import RestException
from girder.models.token import Token
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.jobs import MAX_RESULT_LENGTH

#: Seconds to wait for the broker, and for workers to answer a broadcast.
WORKERS_TIMEOUT = 2.0
#: Seconds that one answer of the workers serves every page that asks: a waiting page asks on
#: every poll, and each new answer is a broadcast to every worker.
WORKERS_CACHE_SECONDS = 3.0
#: (when, what) the workers last answered.
_last_answer = (float("-inf"), None)


@access.token
@autoDescribeRoute(
    Description("Keep a task's return value on its job, as JSON text in meta.result.")
    .notes("The worker calls this with the job's own token; a user's login token is refused.")
    .modelParam("id", "The job.", model=Job, force=True, includeLog=False)
    .jsonParam("result", "The return value, as JSON.", paramType="body")
    .errorResponse("The body is not JSON, or is too long.", 400)
    .errorResponse("No token.", 401)
    .errorResponse("The token is not this job's.", 403)
)
def set_job_result(job, result):
    # The scope of the job's token, which girder_jobs' PUT /job/{id} accepts too; unlike that
    # route, this one refuses login tokens. No stronger than that route, though: girder_jobs
    # shows the job's token (jobInfoSpec) to whoever may read the job.
    if not Token().hasScope(getCurrentToken(), f"jobs.job_{job['_id']}"):
        raise RestException("Only the job's own token may set its result.", code=403)
    # As text: JSON numbers may be too large for MongoDB (8 bytes) and for JavaScript.
    text = json.dumps(result)
    if len(text) > MAX_RESULT_LENGTH:
        raise RestException(f"The result is longer than {MAX_RESULT_LENGTH} characters.")
    Job().updateJob(job, otherFields={"meta": {**job.get("meta", {}), "result": text}})


@access.user
@autoDescribeRoute(
    Description("Whether a worker serves this plugin's queue now.")
    .notes(
        "serving is null where the broker cannot tell (no broadcast) or does not answer."
        " A page asks while a job waits: the job runs once a worker starts. An answer holds"
        f" for {WORKERS_CACHE_SECONDS:g} s."
    )
    .errorResponse("You are not logged in.", 401)
)
def get_workers():
    global _last_answer
    asked_at, serving = _last_answer
    if time.monotonic() - asked_at > WORKERS_CACHE_SECONDS:
        serving = ask_the_workers()
        _last_answer = (time.monotonic(), serving)
    return {"serving": serving}


def ask_the_workers():
    # Celery retries a silent broker for longer than a page waits, so the call gets a bound;
    # a call past it finishes in a thread nobody waits for.
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(queue_is_served).result(timeout=WORKERS_TIMEOUT * 2)
    except Exception:
        return None
    finally:
        pool.shutdown(wait=False)


def queue_is_served():
    """True or False as the workers answer; None where the broker cannot broadcast."""
    from girder_worker.app import app

    with app.connection_for_write(connect_timeout=WORKERS_TIMEOUT) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=WORKERS_TIMEOUT)
        if "fanout" not in connection.transport.implements.exchange_type:
            return None
        inspect = app.control.inspect(timeout=WORKERS_TIMEOUT / 2, connection=connection)
        replies = inspect.active_queues()
    queues = [queue for worker in (replies or {}).values() for queue in worker]
    return any(queue.get("name") == QUEUE for queue in queues)


ROUTES = [
    ("PUT", ("job", ":id", "result"), set_job_result),
    ("GET", ("workers",), get_workers),
]
