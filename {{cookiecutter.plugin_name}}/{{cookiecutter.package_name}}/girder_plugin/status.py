"""``GET /{{ cookiecutter.plugin_name }}/status``: the doctor's checks, run from the Girder host, for site admins.

It answers within a few seconds even when the broker is down.
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


ROUTES = [("GET", ("status",), get_status)]
