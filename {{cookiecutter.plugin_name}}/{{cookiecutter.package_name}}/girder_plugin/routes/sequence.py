"""``POST /{{ cookiecutter.plugin_name }}/fibonacci_sequence``: progress, and cancel through Girder."""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel
from girder.exceptions import RestException
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }}.analyses.sequence import fibonacci_sequence
from {{ cookiecutter.package_name }}.girder_plugin.rest import N_DESCRIPTION, checked_n

MAX_DELAY = 10.0


@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    Description("Compute the first n Fibonacci numbers, reporting progress to the job.")
    .notes("Cancel the returned job to stop the task early.")
    .param("n", N_DESCRIPTION)
    .param(
        "delay",
        f"Seconds between two numbers, from 0 to {MAX_DELAY}.",
        required=False,
        default="0",
    )
    .errorResponse("n or delay is not allowed.", 400)
    .errorResponse("You are not logged in.", 401)
)
def run_fibonacci_sequence(n, delay):
    n = checked_n(n)
    try:
        delay = float(delay)
    except ValueError:
        delay = -1.0
    if not 0 <= delay <= MAX_DELAY:
        raise RestException(f"delay must be a number of seconds from 0 to {MAX_DELAY}.")
    title = f"First {n} Fibonacci numbers"
    return fibonacci_sequence.delay(n, delay=delay, girder_job_title=title).job


ROUTES = [("POST", ("fibonacci_sequence",), run_fibonacci_sequence)]
