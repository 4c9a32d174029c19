"""Tasks of {{ cookiecutter.package_name }}.

Each task is registered under its dotted path: Girder schedules the example as
``{{ cookiecutter.package_name }}.analyses.tasks.{{ cookiecutter.task_name }}``.
"""

import logging
{% if cookiecutter.progress_task %}
import time
{% endif %}

from girder_worker.app import app
from girder_worker.utils import girder_job

from {{ cookiecutter.package_name }}.joblog import send_to_girder_job

log = send_to_girder_job(logging.getLogger(__name__))

#: Largest n accepted. Results travel as JSON, and Python refuses to write an int
#: of more than 4300 digits as text; the 20000th Fibonacci number has 4180.
MAX_N = 20_000
{% if cookiecutter.progress_task %}

#: Seconds between two checks for cancellation. Each check asks the worker for its
#: revoked tasks over the broker (milliseconds on RabbitMQ, a full second where nobody
#: answers), so a loop checks by the clock, never on every step.
CANCEL_CHECK_INTERVAL = 0.5
{% endif %}


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
@girder_job(title="Fibonacci number", type="{{ cookiecutter.package_name }}.{{ cookiecutter.task_name }}")
@app.task(acks_late=True, reject_on_worker_lost=True)
def {{ cookiecutter.task_name }}(n):
    """Compute the n-th Fibonacci number on a worker."""
    result = nth_fibonacci(n)
    log.info("Fibonacci number %d has %d digits", n, len(str(result)))
    return result
{% if cookiecutter.progress_task %}


@girder_job(title="Fibonacci sequence", type="{{ cookiecutter.package_name }}.fibonacci_sequence")
@app.task(bind=True, acks_late=True, reject_on_worker_lost=True)
def fibonacci_sequence(self, n, delay=0.0):
    """Return the first n Fibonacci numbers, one every ``delay`` seconds.

    A model for long-running tasks. Run from Girder, it reports each step to the
    job's progress bar and stops early, returning what it has, when the job is
    canceled. Outside Girder, ``self.job_manager`` is None and it just runs.
    """
    check_n(n)  # before any work starts
    numbers = []
    next_check = 0.0
    for i in range(1, n + 1):
        if time.monotonic() >= next_check:
            if self.canceled:
                print(f"Canceled after {len(numbers)} of {n} numbers")
                break
            next_check = time.monotonic() + CANCEL_CHECK_INTERVAL
        numbers.append(nth_fibonacci(i))
        if self.job_manager is not None:
            # Updates are sent at most every half second; the last one goes at once,
            # so the progress bar is full when the job turns SUCCESS.
            self.job_manager.updateProgress(
                total=n, current=i, message=f"{i} of {n}", forceFlush=i == n
            )
        time.sleep(delay)
    return numbers
{% endif %}
