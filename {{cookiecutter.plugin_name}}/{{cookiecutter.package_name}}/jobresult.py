"""A task's return value, stored on its Girder job so that a page can show it.

girder_jobs keeps a job's status, progress and log, not what its task returned. A route
that wants the value passes the result hook ``StoreResultOnJob()``::

    fibonacci.delay(n, girder_result_hooks=[StoreResultOnJob()])

On the worker, once the task has returned, the hook sends the value as JSON to the Girder
plugin's route ``PUT /{{ cookiecutter.plugin_name }}/job/{id}/result`` with the job's own token (the one
girder_worker's job manager reports status with), and the route keeps it in the job's
``meta.result`` as JSON text. This module runs on workers: it must not import Girder.
"""

import json

import requests
from celery import current_task
from girder_worker.utils.transform import ResultTransform

#: Seconds to wait for Girder to answer.
TIMEOUT = 30
#: Longest result kept, in characters of JSON: it lives in the job's document.
MAX_RESULT_LENGTH = 100_000


def result_url(api_url, job_id):
    """The plugin route that stores a job's result (girder_plugin/routes/jobs.py)."""
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
