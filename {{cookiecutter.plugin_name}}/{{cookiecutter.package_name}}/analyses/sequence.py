"""A long-running task: progress in its Girder job, and an early stop when the job is canceled."""

import time

from girder_worker.app import app
from girder_worker.utils import girder_job, types
from girder_worker.utils.decorators import argument

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, nth_fibonacci
from {{ cookiecutter.package_name }}.described import Described

#: Seconds between two checks for cancellation. Each check asks the worker for its
#: revoked tasks over the broker (milliseconds on RabbitMQ, a full second where nobody
#: answers), so a loop checks by the clock, never on every step.
CANCEL_CHECK_INTERVAL = 0.5
#: Longest wait between two numbers, in seconds.
MAX_DELAY = 10.0


@girder_job(title="Fibonacci sequence", type="{{ cookiecutter.package_name }}.fibonacci_sequence")
@app.task(base=Described, bind=True, acks_late=True, reject_on_worker_lost=True)
@argument("n", types.Integer, min=1, max=MAX_N, help="How many Fibonacci numbers.")
@argument("delay", types.Number, min=0, max=MAX_DELAY, help="Seconds between two numbers.")
def fibonacci_sequence(self, n, delay=0.0):
    """Return the first n Fibonacci numbers, one every ``delay`` seconds.

    Run from Girder, it reports each step to the job's progress bar and stops early,
    returning what it has, when the job is canceled. Outside Girder,
    ``self.job_manager`` is None and it just runs.
    """
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
