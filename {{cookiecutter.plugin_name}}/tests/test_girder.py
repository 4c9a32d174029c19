"""The Girder server half, in a real Girder server, with a real worker running its jobs.

Girder schedules a task two ways: a job document with ``handler="worker_handler"``
and the task's name (the way girder_worker's original example showed), and a REST
route of this plugin that calls the task's ``.delay()``. Both reach SUCCESS in Girder,
and so do the documentation's snippets, which these tests run as written.
"""

import json
import os
import re
import subprocess
import sys

import pytest
from girder.models.token import Token
from girder_client import HttpError
from girder_jobs.constants import JobStatus
from girder_worker.app import app
from girder_worker.utils import types
from girder_worker.utils.decorators import argument
from harness import PROJECT_ROOT
from harness.girder import api_url, client, job_count, wait_for_job

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, fibonacci
from {{ cookiecutter.package_name }}.described import Described
from {{ cookiecutter.package_name }}.girder_plugin import described

pytestmark = [pytest.mark.e2e, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

ROUTE = "{{ cookiecutter.plugin_name }}/fibonacci"


def snippet(name):
    """The code block marked ``<!-- snippet: name -->`` in the README or docs/."""
    for page in [PROJECT_ROOT / "README.md", *sorted(PROJECT_ROOT.glob("docs/*.md"))]:
        found = re.search(rf"<!-- snippet: {name} -->\n```\w*\n(.*?)```", page.read_text(), re.S)
        if found:
            return found.group(1)
    raise LookupError(f"no snippet marked {name!r} in README.md or docs/")


def run_job_snippet(user, replace=("", "")):
    """Run the documented job snippet as Girder code would, with user as the job's owner."""
    code = snippet("girder-job")
    assert replace[0] in code
    namespace = {"user": user}
    exec(code.replace(*replace), namespace)
    return namespace["job"]


def test_job_scheduled_by_task_name_reaches_success(girder, admin):
    """Scheduled by task name, as the docs show."""
    job = run_job_snippet(admin)
    assert wait_for_job(job["_id"])["status"] == JobStatus.SUCCESS


def test_bad_argument_ends_in_error_with_the_message_in_log(girder, admin):
    """A job with a bad argument ends in error, with the task's message in its log."""
    job = run_job_snippet(admin, replace=("args=(26,)", "args=(0,)"))
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.ERROR
    assert f"ValueError: n must be a whole number from 1 to {MAX_N}, got 0" in "".join(done["log"])


def test_readmes_curl_calls_log_in_and_run_the_task(girder, admin):
    """As written, but for Girder's address: the admin of pytest-girder has "password"."""
    log_in = snippet("girder-token").replace("http://127.0.0.1:8080/api/v1", api_url(girder))
    # The venv's python on PATH, as activating it puts it.
    path = f"{os.path.dirname(sys.executable)}{os.pathsep}{os.environ['PATH']}"
    env = {**os.environ, "PATH": path, "DEV_ADMIN_PASSWORD": "password"}
    run = subprocess.run(
        ["bash", "-ec", f"{log_in}\n{snippet('girder-curl')}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    job = wait_for_job(json.loads(run.stdout)["_id"])
    assert (job["status"], job["meta"]["result"]) == (JobStatus.SUCCESS, "121393")


def test_route_returns_its_job_and_the_job_succeeds(girder, user):
    """The route returns the job it created, and the job reaches success."""
    girder_client = client(girder, user)
    job = girder_client.post(ROUTE, parameters={"n": 26})
    assert job["title"] == "Fibonacci number (n=26)"
    assert girder_client.get(f"job/{job['_id']}")["title"] == job["title"]
    assert "args" not in job, "Girder shows a job's arguments to site admins only"
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.SUCCESS, done["log"]
    # What the task logs reaches the job's log in Girder.
    assert "Fibonacci number 26 has 6 digits" in "".join(done["log"])


RULE = f"a whole number from 1 to {MAX_N}"


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"n": "0"}, f"n must be {RULE}, got 0."),
        ({"n": str(MAX_N + 1)}, f"n must be {RULE}, got {MAX_N + 1}."),
        ({"n": "x"}, f"n must be {RULE}, got 'x'."),
        ({"n": "nan"}, f"n must be {RULE}, got 'nan'."),
        ({"n": "1e3"}, f"n must be {RULE}, got '1e3'."),
        ({"n": "0x1a"}, f"n must be {RULE}, got '0x1a'."),
        ({}, f"n is missing: give {RULE}."),
        ({"n": "26", "m": "1"}, "m is not a parameter of this route, which takes n."),
    ],
    ids=["zero", "above-max", "text", "nan", "exponent", "hex", "missing", "unknown"],
)
def test_a_bad_request_gets_400_and_no_job(girder, user, parameters, message):
    """A bad, missing or unknown value gets a 400 that names it and says what is allowed;
    its ``field`` names it too, for the page to mark."""
    before = job_count()
    with pytest.raises(HttpError) as refused:
        client(girder, user).post(ROUTE, parameters=parameters)
    assert refused.value.status == 400
    answer = json.loads(refused.value.responseText)
    assert (answer["message"], answer["field"]) == (message, message.split()[0])
    assert job_count() == before


def test_the_tasks_route_lists_each_description(girder):
    """Anyone may read them: the pages ask before anybody logs in."""
    tasks = client(girder).get("{{ cookiecutter.plugin_name }}/tasks")
    [fibonacci] = [task for task in tasks if task["name"] == "fibonacci"]
    assert (fibonacci["name"], fibonacci["title"]) == ("fibonacci", "Fibonacci number")
    assert fibonacci["route"] == ROUTE
    [n] = fibonacci["inputs"]
    assert (n["name"], n["type"], n["min"], n["max"]) == ("n", "integer", 1, MAX_N)


def test_a_task_that_cannot_be_described_is_left_out(monkeypatch, caplog):
    """One broken task must not cost the plugin its other routes; the log names it."""

    @app.task(base=Described)
    @argument("shade", types.Color)
    def paint(shade):
        return shade

    tasks = {"fibonacci": fibonacci, "paint": paint}
    monkeypatch.setattr(described, "described_tasks", lambda: tasks)
    assert [task["name"] for _, task in described.descriptions()] == ["fibonacci"]
    assert "the described task paint is left out" in caplog.text


def test_the_api_docs_give_n_its_range(girder):
    """Girder's API docs (Swagger) take the range from the description too."""
    docs = client(girder).get("describe")
    [n] = docs["paths"]["/{{ cookiecutter.plugin_name }}/fibonacci"]["post"]["parameters"]
    assert (n["name"], n["type"], n["required"]) == ("n", "integer", True)
    assert (n["minimum"], n["maximum"]) == (1, MAX_N)


def test_a_token_in_the_query_is_girders_not_a_parameter(girder, user):
    """Girder takes the caller's token from the query string too."""
    token = Token().createToken(user)["_id"]
    job = client(girder).post(ROUTE, parameters={"n": 26, "token": str(token)})
    assert wait_for_job(job["_id"])["status"] == JobStatus.SUCCESS


def test_an_anonymous_call_gets_401_and_no_job(girder):
    before = job_count()
    with pytest.raises(HttpError) as refused:
        client(girder).post(ROUTE, parameters={"n": 26})
    assert refused.value.status == 401
    assert job_count() == before


def test_any_user_may_ask_whether_a_worker_serves_the_queue(girder, user):
    """Any logged-in user may ask whether a worker serves the plugin's queue."""
    assert client(girder, user).get("{{ cookiecutter.plugin_name }}/workers") == {"serving": True}
    with pytest.raises(HttpError) as refused:
        client(girder).get("{{ cookiecutter.plugin_name }}/workers")
    assert refused.value.status == 401
