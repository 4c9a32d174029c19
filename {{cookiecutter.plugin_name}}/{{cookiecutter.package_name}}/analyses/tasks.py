"""The Fibonacci example: the task that girder_worker's classic example plugin showed.

Girder schedules it by its registered name,
``{{ cookiecutter.package_name }}.analyses.tasks.fibonacci``.
"""

import logging

from girder_worker.app import app
from girder_worker.utils import girder_job

from {{ cookiecutter.package_name }}.joblog import send_to_girder_job

log = send_to_girder_job(logging.getLogger(__name__))

#: Largest n accepted. Results travel as JSON, and Python refuses to write an int
#: of more than 4300 digits as text; the 20000th Fibonacci number has 4180.
MAX_N = 20_000


def check_n(n):
    """Raise TypeError or ValueError, saying what is allowed, unless 1 <= n <= MAX_N."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int from 1 to {MAX_N}, got {type(n).__name__} {n!r}")
    if not 1 <= n <= MAX_N:
        raise ValueError(f"n must be from 1 to {MAX_N}, got {n}")


def nth_fibonacci(n):
    """Return the n-th Fibonacci number (1, 1, 2, 3, 5, ...) for 1 <= n <= MAX_N."""
    check_n(n)
    previous, current = 0, 1
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current


# girder_job must wrap the finished task, so it sits above @app.task.
# acks_late with reject_on_worker_lost hands the message to another worker when
# this one dies mid-task; that is only safe because the task is idempotent.
@girder_job(title="Fibonacci number", type="{{ cookiecutter.package_name }}.fibonacci")
@app.task(acks_late=True, reject_on_worker_lost=True)
def fibonacci(n):
    """Compute the n-th Fibonacci number on a worker."""
    result = nth_fibonacci(n)
    log.info("Fibonacci number %d has %d digits", n, len(str(result)))
    return result
