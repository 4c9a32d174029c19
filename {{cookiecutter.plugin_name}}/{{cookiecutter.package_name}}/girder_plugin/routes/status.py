"""``GET /{{ cookiecutter.plugin_name }}/status``: the doctor's checks, run from the Girder host, for site admins;
``GET /{{ cookiecutter.plugin_name }}/workers``: whether a worker serves the plugin's queue, for any user.

They only report: queueing is allowed whatever they find, as the broker keeps the message.
They answer within a few seconds even when the broker is down, so a page may poll them.
"""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder_plugin_worker.utils import getWorkerApiUrl

from {{ cookiecutter.package_name }} import doctor

#: Seconds to wait for any one answer: the broker, the workers, the probe.
TIMEOUT = 2.0


@access.admin
@autoDescribeRoute(
    Description("Check the broker, the workers of this plugin's queue and their way to Girder.")
    .notes(
        "The checks of <code>python -m {{ cookiecutter.package_name }} doctor</code>, run from the Girder"
        " server, with the API URL that Girder gives workers (the worker.api_url setting)."
        " <code>ok</code> is false when a check failed."
    )
    .errorResponse("You are not a site admin.", 403)
)
def get_status():
    results = doctor.run(api_url=getWorkerApiUrl(), timeout=TIMEOUT)
    return doctor.as_json(results)


@access.user
@autoDescribeRoute(
    Description("Whether a worker serves this plugin's queue now.")
    .notes(
        "serving is null where the broker cannot tell (no broadcast) or does not answer."
        " A page asks while a job waits: the job runs once a worker starts."
    )
    .errorResponse("You are not logged in.", 401)
)
def get_workers():
    checks = [doctor.broker_answers, doctor.queue_workers]
    broker, workers = doctor.run(timeout=TIMEOUT, checks=checks)
    known = broker.status == doctor.OK and workers.status in (doctor.OK, doctor.FAIL)
    return {"serving": workers.status == doctor.OK if known else None}


ROUTES = [("GET", ("status",), get_status), ("GET", ("workers",), get_workers)]
