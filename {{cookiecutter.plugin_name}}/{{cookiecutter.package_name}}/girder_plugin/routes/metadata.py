"""``POST /{{ cookiecutter.plugin_name }}/count_words_into_metadata``: a task that calls Girder itself.

The task reads and writes with a token made for its job alone: the requesting user's,
scoped to reading and writing data, and deleted as soon as the job ends, however it ends.
"""

from girder import events
from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel, getCurrentUser
from girder.constants import TokenScope
from girder.models.token import Token
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }} import TASK_TIME_LIMIT
from {{ cookiecutter.package_name }}.analyses.metadata import count_words_into_metadata
from {{ cookiecutter.package_name }}.girder_plugin.rest import from_file_to_item

#: All the task does with Girder: download a file, set an item's metadata.
TOKEN_SCOPES = [TokenScope.DATA_READ, TokenScope.DATA_WRITE]
#: Only a backstop, since the token is deleted when its job ends: an hour of waiting in a
#: busy queue plus the longest run. A job that starts later fails with Girder's 401.
TOKEN_LIFETIME_SECONDS = 3600 + TASK_TIME_LIMIT
#: The job's field that holds its token until the job ends. Girder shows a job's fields
#: only where Job().exposeFields lists them, so no REST answer carries this one.
TOKEN_FIELD = "{{ cookiecutter.package_name }}_girder_client_token"
#: The statuses a job ends in.
ENDED = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    from_file_to_item(
        Description("Count the lines and words of a file; set them as metadata of an item.").notes(
            'The item gets {"{{ cookiecutter.plugin_name }}": {"lines": ..., "words": ...}}.'
        )
    )
)
def run_count_words_into_metadata(file, item):
    token = Token().createToken(
        user=getCurrentUser(), days=TOKEN_LIFETIME_SECONDS / 86400, scope=TOKEN_SCOPES
    )
    try:
        return count_words_into_metadata.delay(
            str(file["_id"]),
            str(item["_id"]),
            girder_client_token=token["_id"],
            girder_job_title=f"Word count of {file['name']} into metadata",
            # Set when the job is created, before the task is sent.
            girder_job_other_fields={TOKEN_FIELD: token["_id"]},
        ).job
    except Exception:
        # Without a job, no job's end would delete it.
        Token().remove(token)
        raise


def delete_the_token_of_an_ended_job(event):
    """On every job update: once a job of this route has ended, its token goes."""
    job = event.info["job"]
    if job.get(TOKEN_FIELD) and job["status"] in ENDED:
        Token().removeWithQuery({"_id": job[TOKEN_FIELD]})
        Job().update({"_id": job["_id"]}, {"$unset": {TOKEN_FIELD: True}}, multi=False)


def load(info):
    # In Girder, not in the task: a job canceled before it starts never runs the task.
    events.bind(
        "jobs.job.update.after",
        "{{ cookiecutter.plugin_name }}.metadata",
        delete_the_token_of_an_ended_job,
    )


ROUTES = [("POST", ("count_words_into_metadata",), run_count_words_into_metadata)]
