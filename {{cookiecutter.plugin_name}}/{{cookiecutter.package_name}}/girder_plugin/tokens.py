"""Tokens for tasks that call Girder themselves: one per job, deleted when the job ends.

A described task that declares ``girder_client_scopes`` (``@app.task(...,
girder_client_scopes=[...])``) gets, with each job, a token of the requesting user's with those
scopes alone: ``self.girder_client`` calls Girder with it. The job keeps the token's id until it
ends, however it ends, and the token goes then. A job that never starts (canceled while it
waits) loses its token all the same: the deletion happens in Girder, not in the task.
"""

from girder import events
from girder.models.token import Token
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }} import TASK_TIME_LIMIT

#: Only a backstop, since the token is deleted when its job ends: an hour of waiting in a
#: busy queue plus the longest run. A job that starts later fails with Girder's 401.
TOKEN_LIFETIME_SECONDS = 3600 + TASK_TIME_LIMIT
#: The job's field that holds its token until the job ends. Girder shows a job's fields
#: only where Job().exposeFields lists them, so no REST answer carries this one.
TOKEN_FIELD = "{{ cookiecutter.package_name }}_girder_client_token"
#: The statuses a job ends in.
ENDED = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


def token_for(user, scopes):
    """A new token of user's, with those scopes alone, for one job."""
    return Token().createToken(user=user, days=TOKEN_LIFETIME_SECONDS / 86400, scope=list(scopes))


def delete_the_token_of_an_ended_job(event):
    """On every job update: once a job with a token has ended, its token goes."""
    job = event.info["job"]
    if job.get(TOKEN_FIELD) and job["status"] in ENDED:
        Token().removeWithQuery({"_id": job[TOKEN_FIELD]})
        Job().update({"_id": job["_id"]}, {"$unset": {TOKEN_FIELD: True}}, multi=False)


def load(info):
    events.bind(
        "jobs.job.update.after",
        "{{ cookiecutter.package_name }}.tokens",
        delete_the_token_of_an_ended_job,
    )
