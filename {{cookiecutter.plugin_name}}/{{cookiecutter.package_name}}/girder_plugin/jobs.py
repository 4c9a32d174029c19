"""What a job needs beyond girder_jobs: routes for its result and its workers, and a token.

- ``PUT /{{ cookiecutter.plugin_name }}/job/{id}/result``: a task's return value, kept on its job.
  girder_jobs keeps a job's status, progress and log, not what its task returned. The worker
  sends the value here (``{{ cookiecutter.package_name }}.jobs``) and the job keeps it as
  JSON text in ``meta.result``, where the web client reads it.
- ``GET /{{ cookiecutter.plugin_name }}/workers``: whether a worker serves the plugin's queue
  now, which a page asks while its job waits. It answers within seconds even when the broker is
  down; queueing is allowed whatever it finds, as the broker keeps the message.
- A token of a job's own, for a task that calls Girder from the worker: through girder_io's
  transforms (a file downloaded, a result uploaded), or through ``self.girder_client`` where the
  task declares ``girder_client_scopes``. It is the requesting user's, with those scopes alone,
  and it goes as soon as the job ends, however it ends: Girder deletes it, not the task, so a
  job canceled before it starts loses it too.
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor

from girder import events
from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import getCurrentToken
from girder.exceptions import RestException
from girder.models.token import Token
from girder_client import GirderClient
from girder_jobs.models.job import Job
from girder_plugin_worker.utils import getWorkerApiUrl

from {{ cookiecutter.package_name }} import QUEUE, TASK_TIME_LIMIT
from {{ cookiecutter.package_name }}.jobs import ENDED, MAX_RESULT_LENGTH

#: Seconds to wait for the broker, and for workers to answer a broadcast.
WORKERS_TIMEOUT = 2.0
#: Seconds that one answer of the workers serves every page that asks: a waiting page asks on
#: every poll, and each new answer is a broadcast to every worker.
WORKERS_CACHE_SECONDS = 3.0
#: (when, what) the workers last answered.
_last_answer = (float("-inf"), None)
#: Only a backstop, since a job's token is deleted when the job ends: an hour of waiting in a
#: busy queue plus the longest run. A job that starts later fails with Girder's 401.
TOKEN_LIFETIME_SECONDS = 3600 + TASK_TIME_LIMIT
#: The job's field that holds its token until the job ends. Girder shows a job's fields
#: only where Job().exposeFields lists them, so no REST answer carries this one.
TOKEN_FIELD = "{{ cookiecutter.package_name }}_girder_client_token"


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


class JobToken:
    """A new token of user's, with those scopes alone, for the one job queued with options():
    Girder deletes it when that job ends. Queue the job inside ``with JobToken(...)``: the token
    goes at once if no job is made.

    client is a Girder client for the worker with this token: what girder_io's transforms call
    Girder with (given none, each transform would make a week-long token of its own).
    """

    def __init__(self, user, scopes):
        days = TOKEN_LIFETIME_SECONDS / 86400
        self.token = Token().createToken(user=user, days=days, scope=list(scopes))
        self.id = str(self.token["_id"])
        self.client = GirderClient(apiUrl=getWorkerApiUrl())
        self.client.token = self.id

    def options(self):
        """girder_worker's options that tie the token to the job."""
        return {"girder_job_other_fields": {TOKEN_FIELD: self.token["_id"]}}

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is not None:
            Token().remove(self.token)


def delete_the_token_of_an_ended_job(event):
    """On every job update: once a job with a token has ended, its token goes."""
    job = event.info["job"]
    if job.get(TOKEN_FIELD) and job["status"] in ENDED:
        Token().removeWithQuery({"_id": job[TOKEN_FIELD]})
        Job().update({"_id": job["_id"]}, {"$unset": {TOKEN_FIELD: True}}, multi=False)


def load(info):
    # The handler's name, which binding it again replaces: the field that it clears.
    events.bind("jobs.job.update.after", TOKEN_FIELD, delete_the_token_of_an_ended_job)
