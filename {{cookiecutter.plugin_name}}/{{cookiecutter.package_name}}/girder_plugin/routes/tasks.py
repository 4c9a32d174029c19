"""``POST /{{ cookiecutter.plugin_name }}/fibonacci``: the Fibonacci example."""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci
from {{ cookiecutter.package_name }}.girder_plugin.rest import N_DESCRIPTION, checked_n
from {{ cookiecutter.package_name }}.jobresult import StoreResultOnJob


# Girder's own integer check would answer "x" without the allowed range, so n
# arrives as text and is checked here.
@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    Description("Compute a Fibonacci number on a worker.")
    .notes("Returns the Girder job that runs the task.")
    .param("n", N_DESCRIPTION)
    .errorResponse("n is not allowed.", 400)
    .errorResponse("You are not logged in.", 401)
)
def run_fibonacci(n):
    n = checked_n(n)
    return fibonacci.delay(
        n,
        girder_job_title=f"Fibonacci number {n}",
        # Girder keeps no return value: the hook stores it on the job, for the web client.
        girder_result_hooks=[StoreResultOnJob()],
    ).job


ROUTES = [("POST", ("fibonacci",), run_fibonacci)]
