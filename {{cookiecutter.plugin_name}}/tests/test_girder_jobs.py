"""Girder's side of a job, played by a local HTTP server: what the worker reports, in order.

Girder sends a task with a ``jobInfoSpec`` header naming the job's URL; the worker
PUTs status, progress and log lines there, and GETs the status back when it needs it.
"""

import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from girder_worker.utils import JobStatus

TASK_NAME = "{{ cookiecutter.package_name }}.analyses.tasks.fibonacci_sequence"
RESULT_TIMEOUT = 60


class FakeGirder(ThreadingHTTPServer):
    """Records every update of every job and answers as Girder's job endpoint does."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), JobEndpoint)
        self.updates = {}
        self.status = {}
        self.lock = threading.Lock()

    @property
    def api_url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/api/v1"

    def new_job(self):
        job_id = uuid.uuid4().hex
        self.updates[job_id] = []
        self.status[job_id] = JobStatus.QUEUED
        url = f"{self.api_url}/job/{job_id}"
        spec = {"method": "PUT", "url": url, "headers": {}, "logPrint": True}
        return job_id, {"jobInfoSpec": spec, "apiUrl": self.api_url}

    def statuses(self, job_id):
        return [int(u["status"]) for u in self.updates[job_id] if "status" in u]

    def progress(self, job_id):
        return [int(u["progressCurrent"]) for u in self.updates[job_id] if u.get("progressCurrent")]

    def wait_for_status(self, job_id, status, timeout=RESULT_TIMEOUT):
        deadline = time.monotonic() + timeout
        while status not in self.statuses(job_id):
            assert time.monotonic() < deadline, f"no status {status} in {self.updates[job_id]}"
            time.sleep(0.05)


class JobEndpoint(BaseHTTPRequestHandler):
    def job_id(self):
        return self.path.rstrip("/").rsplit("/", 1)[-1]

    def do_PUT(self):  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        update = {key: values[0] for key, values in parse_qs(body).items()}
        with self.server.lock:
            self.server.updates[self.job_id()].append(update)
            if "status" in update:
                self.server.status[self.job_id()] = int(update["status"])
        self.reply({"_id": self.job_id(), "status": self.server.status[self.job_id()]})

    def do_GET(self):  # noqa: N802
        self.reply({"_id": self.job_id(), "status": self.server.status[self.job_id()]})

    def reply(self, document):
        payload = json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def girder():
    server = FakeGirder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_a_job_goes_running_then_reports_progress_in_order_then_success(worker, client, girder):
    job_id, headers = girder.new_job()
    result = client.send_task(TASK_NAME, args=(8,), kwargs={"delay": 0.2}, headers=headers)
    assert result.get(timeout=RESULT_TIMEOUT) == [1, 1, 2, 3, 5, 8, 13, 21], worker.log_tail()
    # The worker stores the result first, then tells Girder.
    girder.wait_for_status(job_id, JobStatus.SUCCESS)
    updates = girder.updates[job_id]
    assert girder.statuses(job_id) == [JobStatus.RUNNING, JobStatus.SUCCESS]
    assert updates[0] == {"status": str(JobStatus.RUNNING)}
    progress = girder.progress(job_id)
    assert len(progress) >= 2, updates
    assert progress == sorted(progress)
    full = next(i for i, u in enumerate(updates) if u.get("progressCurrent") == "8")
    success = updates.index({"status": str(JobStatus.SUCCESS)})
    assert full < success, updates


@pytest.mark.skipif(
    not os.environ.get("GW_TEST_BROKER"),
    reason="cancelling needs a broker with broadcast (RabbitMQ, Redis): set GW_TEST_BROKER",
)
def test_a_canceled_job_stops_early_and_ends_canceled(worker, client, girder):
    job_id, headers = girder.new_job()
    result = client.send_task(TASK_NAME, args=(200,), kwargs={"delay": 0.05}, headers=headers)
    girder.wait_for_status(job_id, JobStatus.RUNNING)
    # What Girder does when a user cancels: mark the job, then revoke the task.
    girder.status[job_id] = JobStatus.CANCELING
    client.control.revoke(result.id)
    numbers = result.get(timeout=RESULT_TIMEOUT)
    assert 0 < len(numbers) < 200, worker.log_tail()
    girder.wait_for_status(job_id, JobStatus.CANCELED)
    assert girder.statuses(job_id)[-1] == JobStatus.CANCELED
