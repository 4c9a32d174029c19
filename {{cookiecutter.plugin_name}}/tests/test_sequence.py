"""The long-running example: every number outside Girder; progress and cancel through Girder."""

{% if cookiecutter.girder_plugin %}
import time

{% endif %}
import pytest
{% if cookiecutter.girder_plugin %}
from girder_client import HttpError
from girder_jobs.constants import JobStatus
from harness.girder import DONE, client, job_count, wait_for_job
{% endif %}

from {{ cookiecutter.package_name }}.analyses.sequence import fibonacci_sequence
{% if cookiecutter.girder_plugin %}

ROUTE = "{{ cookiecutter.plugin_name }}/fibonacci_sequence"
{% endif %}


def test_the_sequence_task_outside_girder_returns_every_number():
    assert fibonacci_sequence(8) == [1, 1, 2, 3, 5, 8, 13, 21]


def test_a_bad_n_fails_before_any_work():
    with pytest.raises(ValueError, match="n must be a whole number from 1 to"):
        fibonacci_sequence(0)
{% if cookiecutter.girder_plugin %}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_sequence_progress_shows_in_girder_while_it_runs(girder, user):
    girder_client = client(girder, user)
    job = girder_client.post(ROUTE, parameters={"n": 8, "delay": 0.3})
    seen = []
    while (current := girder_client.get(f"job/{job['_id']}"))["status"] not in DONE:
        if current["status"] == JobStatus.RUNNING and current.get("progress"):
            seen.append(current["progress"]["current"])
        time.sleep(0.1)
    assert current["status"] == JobStatus.SUCCESS
    assert current["progress"]["current"] == current["progress"]["total"] == 8
    assert any(0 < step < 8 for step in seen), seen


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.parametrize(
    "delay", ["-1", "11", "soon", "nan"], ids=["negative", "too-long", "not-a-number", "nan"]
)
def test_a_bad_delay_gets_400_and_no_job(girder, user, delay):
    before = job_count()
    with pytest.raises(HttpError) as refused:
        client(girder, user).post(ROUTE, parameters={"n": 8, "delay": delay})
    assert refused.value.status == 400
    assert "delay must be a number from 0 to 10.0, got" in refused.value.responseText
    assert job_count() == before


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_a_missing_delay_takes_its_default(girder, user):
    """delay has a default (no wait); a fraction of a second is a number too."""
    girder_client = client(girder, user)
    for parameters in ({"n": 3}, {"n": 3, "delay": "0.01"}):
        job = girder_client.post(ROUTE, parameters=parameters)
        done = wait_for_job(job["_id"])
        assert done["status"] == JobStatus.SUCCESS, done["log"]
        assert done["meta"] == {"result": "[1, 1, 2]"}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_job_canceled_through_girder_stops_early(girder, user):
    """A job canceled through Girder's API stops early and ends canceled."""
    girder_client = client(girder, user)
    job = girder_client.post(ROUTE, parameters={"n": 600, "delay": 0.05})
    wait_for_job(job["_id"], (JobStatus.RUNNING, *DONE))
    canceled_at = time.monotonic()
    girder_client.put(f"job/{job['_id']}/cancel")
    done = wait_for_job(job["_id"])
    stopped_after = time.monotonic() - canceled_at
    assert done["status"] == JobStatus.CANCELED, done["log"]
    # The task checks for a cancel every CANCEL_CHECK_INTERVAL, not on every step.
    assert stopped_after < 5, stopped_after
    assert "Canceled after" in "".join(done["log"])
{% endif %}
