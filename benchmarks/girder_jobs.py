"""Girder job round trips, run by the benchmarks inside a baked project's own test set-up.

The benchmarks copy this file into the project's tests/ and run it with pytest, so it
uses the project's real Girder server and worker fixtures; it writes its figures as
JSON to the file named by GW_BENCH_OUT.
"""

import json
import os
import time
from pathlib import Path

import pytest
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.girder import client

pytestmark = pytest.mark.plugin("gwexample")

JOBS = int(os.environ.get("GW_BENCH_JOBS", "50"))
TASK_NAME = "gwexample.analyses.tasks.fibonacci"


def until_done(job):
    while (status := Job().load(job["_id"], force=True)["status"]) not in (
        JobStatus.SUCCESS,
        JobStatus.ERROR,
    ):
        time.sleep(0.002)
    assert status == JobStatus.SUCCESS


def through_the_route(client):
    until_done(client.post("gwexample/fibonacci", parameters={"n": 26}))


def through_worker_handler(user):
    job = Job().createJob(
        title="Fibonacci number",
        type="gwexample.fibonacci",
        handler="worker_handler",
        user=user,
        args=(26,),
        kwargs={},
        otherFields={"celeryTaskName": TASK_NAME},
    )
    Job().scheduleJob(job)
    until_done(job)


def test_girder_job_round_trips(girder, user):
    girder_client = client(girder, user)
    times = {"route": [], "worker_handler": []}
    for _ in range(JOBS):
        for name, schedule in (
            ("route", lambda: through_the_route(girder_client)),
            ("worker_handler", lambda: through_worker_handler(user)),
        ):
            start = time.perf_counter()
            schedule()
            times[name].append(time.perf_counter() - start)
    Path(os.environ["GW_BENCH_OUT"]).write_text(json.dumps(times))
