"""Ask a running worker for the 26th Fibonacci number and print it (121393).

Start a worker first (see README.md). The client reads the same environment
variables as the worker: GIRDER_WORKER_BROKER and GIRDER_WORKER_BACKEND.
"""

import logging
import sys

from celery.exceptions import TimeoutError as ResultTimeout
from girder_worker.app import app

from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci

N = 26
BROKER_TIMEOUT = 10
RESULT_TIMEOUT = 60


def main():
    # Outside Girder there is no parent job to attach to; girder_worker would warn
    # about it on every call.
    logging.getLogger("girder_worker").setLevel(logging.ERROR)
    with app.connection_for_write() as connection:
        try:
            connection.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)
        except Exception as error:
            sys.exit(
                f"Cannot reach the broker at {connection.as_uri()}: {error}\n"
                "Start it, or point GIRDER_WORKER_BROKER at one that runs."
            )
    result = fibonacci.apply_async((N,), girder_job_disable=True)
    try:
        print(result.get(timeout=RESULT_TIMEOUT))
    except ResultTimeout:
        sys.exit(
            f"No worker answered within {RESULT_TIMEOUT} s. Is one running on this broker, "
            "with this plugin installed? See README.md."
        )


if __name__ == "__main__":
    main()
