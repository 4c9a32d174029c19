"""The baseline: a bare Celery app on the same broker, with a no-op task."""

import os

from celery import Celery

app = Celery(
    "bare",
    broker=os.environ["GIRDER_WORKER_BROKER"],
    backend=os.environ["GIRDER_WORKER_BACKEND"],
)


@app.task(name="bare.noop")
def noop(n):
    return n
