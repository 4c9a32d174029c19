"""The Fibonacci example of girder_worker's classic example plugin,
``{{ cookiecutter.package_name }}.analyses.tasks.fibonacci``{% if cookiecutter.girder_plugin %}: Girder runs it through ``POST /{{ cookiecutter.plugin_name }}/fibonacci?n=26``,
made from its description{% endif %}.
"""

import logging

from girder_worker.app import app
from girder_worker.utils import girder_job, types
from girder_worker.utils.decorators import argument

from {{ cookiecutter.package_name }}.described import Described
from {{ cookiecutter.package_name }}.jobs import send_to_girder_job

log = send_to_girder_job(logging.getLogger(__name__))

#: Largest n accepted. Results travel as JSON, and Python refuses to write an int
#: of more than 4300 digits as text; the 20000th Fibonacci number has 4180.
MAX_N = 20_000


def nth_fibonacci(n):
    """Return the n-th Fibonacci number (1, 1, 2, 3, 5, ...)."""
    previous, current = 0, 1
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current


# girder_job sits above @app.task, @argument below it. acks_late with reject_on_worker_lost
# hands the task to another worker if this one dies mid-task: safe, as it is idempotent.
@girder_job(title="Fibonacci number", type="{{ cookiecutter.package_name }}.fibonacci")
@app.task(base=Described, acks_late=True, reject_on_worker_lost=True)
@argument("n", types.Integer, min=1, max=MAX_N, help="Which Fibonacci number: 26 gives 121393.")
def fibonacci(n):
    """Compute the n-th Fibonacci number on a worker."""
    result = nth_fibonacci(n)
    log.info("Fibonacci number %d has %d digits", n, len(str(result)))
    return result
