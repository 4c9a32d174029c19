"""A task's return value stored on its Girder job ({{ cookiecutter.package_name }}.jobresult and its route)."""

import json
import subprocess
import sys

import pytest
from harness.girder import client, wait_for_job

from {{ cookiecutter.package_name }}.jobresult import StoreResultOnJob, result_url


def test_the_hook_imports_on_a_worker_without_girder():
    # A worker host has no Girder: the module must import with girder unimportable.
    probe = "import sys; sys.modules['girder'] = None; import {{ cookiecutter.package_name }}.jobresult"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


def test_outside_girder_the_hook_passes_the_value_through():
    assert StoreResultOnJob().transform([1, 1, 2]) == [1, 1, 2]


def test_the_result_url_is_the_plugins_route_under_the_api_url():
    assert result_url("http://g/api/v1/", "abc") == "http://g/api/v1/{{ cookiecutter.plugin_name }}/job/abc/result"


@pytest.fixture
def job_and_token(server, user):
    from girder.models.setting import Setting
    from girder_jobs.models.job import Job

    # Girder's worker plugin gives each new job the URL that its worker reports to.
    Setting().set("worker.api_url", "http://127.0.0.1/api/v1")

    def make():
        job = Job().createJob(title="a job", type="test", user=user)
        return job, Job().createJobToken(job)

    return make


def put_result(server, job, body, **auth):
    return server.request(
        f"/{{ cookiecutter.plugin_name }}/job/{job['_id']}/result",
        method="PUT",
        body=body,
        type="application/json",
        **auth,
    )


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
class TestTheResultRoute:
    def test_the_jobs_own_token_stores_the_value_as_json_text(self, server, job_and_token):
        from girder_jobs.models.job import Job

        job, token = job_and_token()
        big = 2**80  # more than MongoDB's 8-byte ints and JavaScript's exact integers
        response = put_result(server, job, json.dumps({"n": big}), token=token["_id"])
        assert response.output_status.startswith(b"200"), response.json
        stored = Job().load(job["_id"], force=True)["meta"]["result"]
        assert json.loads(stored) == {"n": big}

    def test_a_token_of_another_job_gets_403(self, server, job_and_token):
        job, _ = job_and_token()
        _, other_token = job_and_token()
        response = put_result(server, job, "1", token=other_token["_id"])
        assert response.output_status.startswith(b"403"), response.json

    def test_the_owners_login_gets_403(self, server, job_and_token, user):
        job, _ = job_and_token()
        response = put_result(server, job, "1", user=user)
        assert response.output_status.startswith(b"403"), response.json

    def test_no_token_gets_401(self, server, job_and_token):
        job, _ = job_and_token()
        response = put_result(server, job, "1")
        assert response.output_status.startswith(b"401"), response.json

    @pytest.mark.parametrize("body", ["{not json", "", "NaN"], ids=["broken", "empty", "nan"])
    def test_a_body_that_is_not_json_gets_400(self, server, job_and_token, body):
        job, token = job_and_token()
        response = put_result(server, job, body, token=token["_id"])
        assert response.output_status.startswith(b"400"), response.json

    def test_a_result_too_long_gets_400(self, server, job_and_token):
        job, token = job_and_token()
        response = put_result(server, job, json.dumps("x" * 200_000), token=token["_id"])
        assert response.output_status.startswith(b"400"), response.json
        assert "longer than" in response.json["message"]


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_the_fibonacci_route_leaves_the_number_in_the_jobs_meta(girder, user):
    from girder_jobs.constants import JobStatus

    job = client(girder, user).post("{{ cookiecutter.plugin_name }}/fibonacci", parameters={"n": 26})
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.SUCCESS, done["log"]
    assert done["meta"] == {"result": "121393"}
    # A user reads it as girder_jobs shows a job: meta is exposed at READ level.
    assert client(girder, user).get(f"job/{job['_id']}")["meta"]["result"] == "121393"
