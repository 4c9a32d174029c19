"""Tasks that only the tests run: the session's worker has them too (``--include harness.tasks``)."""

import logging

from girder_worker.app import app

from {{ cookiecutter.package_name }}.jobs import send_to_girder_job

log = send_to_girder_job(logging.getLogger(__name__))
log.setLevel(logging.INFO)
# Only the job's log gets these records; the worker's own log stays small.
log.propagate = False


@app.task(bind=True)
def worker_name(self):
    """The name of the worker that runs it."""
    return self.request.hostname


@app.task(bind=True)
def asks_its_worker(self):
    """Whether its worker answers a question while it runs, as girder_worker asks after each
    task which tasks were revoked."""
    return self.app.control.inspect([self.request.hostname], timeout=1).revoked() is not None


@app.task
def log_records(count, size):
    """Log count records of size characters each, through the plugin's job log handler."""
    for _ in range(count):
        log.info("x" * size)
