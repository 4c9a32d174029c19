"""``PUT /{{ cookiecutter.plugin_name }}/job/{id}/result``: a task's return value, kept on its job.

girder_jobs keeps a job's status, progress and log, not what its task returned. The worker
sends the value here (``{{ cookiecutter.package_name }}.jobresult``) and the job keeps it as
JSON text in ``meta.result``, where the web client reads it.
"""

import json

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import getCurrentToken
from girder.exceptions import RestException
from girder.models.token import Token
from girder_jobs.models.job import Job

#: Longest result kept, in characters of JSON: it lives in the job's document.
MAX_RESULT_LENGTH = 100_000


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


ROUTES = [("PUT", ("job", ":id", "result"), set_job_result)]
