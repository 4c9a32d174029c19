"""A new task in one file: a described task added to a bake's analyses/, and nothing else, gets
its route, its API docs and its page. Tests written in the bake's own harness check them."""

import pytest

from support import browser, venvs
from support.baking import bake_to
from support.brokers import without_test_brokers

pytestmark = pytest.mark.e2e

# What an author writes: two inputs, one of them a choice with a default.
NEW_TASK = '''"""Scales a number."""

from girder_worker.app import app
from girder_worker.utils import girder_job, types
from girder_worker.utils.decorators import argument

from gwexample.described import Described


@girder_job(title="Scaled number")
@app.task(base=Described)
@argument("x", types.Integer, min=0, max=100, help="The number to scale.")
@argument("unit", types.StringChoice, choices=["one", "ten", "hundred"], help="Scale by.")
def scale(x, unit="ten"):
    """Multiply x by a unit."""
    return x * {"one": 1, "ten": 10, "hundred": 100}[unit]
'''

# What checks it, in the bake's own harness: a real Girder, worker and browser.
CHECKS = """import json

import pytest
from girder_client import HttpError
from harness.browser import expect, part
from harness.girder import client, job_count, wait_for_job

pytestmark = [pytest.mark.e2e, pytest.mark.plugin("gwexample")]


def run(girder, user, **parameters):
    job = client(girder, user).post("gwexample/scale", parameters=parameters)
    return wait_for_job(job["_id"])


def test_listed(girder):
    [scale] = [task for task in client(girder).get("gwexample/tasks") if task["name"] == "scale"]
    assert [value["id"] for value in scale["inputs"]] == ["x", "unit"]
    assert scale["inputs"][1]["values"] == ["one", "ten", "hundred"]


def test_answers(girder, user):
    assert run(girder, user, x=7, unit="hundred")["meta"]["result"] == "700"
    # The job runs with the default, and its title says so.
    job = run(girder, user, x=7)
    assert (job["meta"]["result"], job["title"]) == ("70", "Scaled number (x=7, unit=ten)")


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"x": 7, "unit": "thousand"}, "unit must be one of one, ten, hundred, got 'thousand'."),
        ({"x": 101}, "x must be a whole number from 0 to 100, got 101."),
        ({"unit": "one"}, "x is missing: give a whole number from 0 to 100."),
    ],
)
def test_refused(girder, user, parameters, message):
    with pytest.raises(HttpError) as refused:
        client(girder, user).post("gwexample/scale", parameters=parameters)
    assert refused.value.status == 400
    assert json.loads(refused.value.responseText)["message"] == message
    assert job_count() == 0


def test_api_docs(girder):
    docs = client(girder).get("describe")["paths"]["/gwexample/scale"]["post"]["parameters"]
    x, unit = docs
    assert (x["name"], x["type"], x["minimum"], x["maximum"]) == ("x", "integer", 0, 100)
    assert (unit["name"], unit["default"]) == ("unit", "ten")
    assert unit["enum"] == ["one", "ten", "hundred"]


@pytest.mark.browser
def test_page(girder_ui, user):
    page = girder_ui(user)
    page.click(".g-global-nav a[g-target='gwexample/scale']")
    expect(page.locator(".g-body-title")).to_have_text("Scaled number")
    # The author's words label the fields, a choice's too.
    expect(page.locator("label[for='g-gwexample-unit']")).to_have_text("Scale by.")
    x = page.locator("#g-gwexample-x")
    expect(x).to_have_attribute("type", "number")
    expect(x).to_have_attribute("max", "100")
    unit = page.locator("select#g-gwexample-unit option")
    expect(unit).to_have_text(["one", "ten", "hundred"])
    # A bad value: its field alone is marked, and the route's message shows.
    page.fill("#g-gwexample-x", "101")
    page.click("button:has-text('Run')")
    expect(page.locator(".has-error")).to_have_count(1)
    expect(page.locator(".has-error #g-gwexample-x")).to_be_visible()
    page.fill("#g-gwexample-x", "7")
    page.select_option("#g-gwexample-unit", "hundred")
    page.click("button:has-text('Run')")
    expect(part(page, "result")).to_have_text("700")
    # Refused, the next run leaves no result of the last one's values on the page.
    page.fill("#g-gwexample-x", "101")
    page.click("button:has-text('Run')")
    expect(page.locator(".has-error")).to_have_count(1)
    expect(part(page, "result")).to_have_count(0)
"""


@pytest.fixture(scope="module")
def with_a_new_task(tmp_path_factory):
    """The default bake, installed, with one new module in analyses/ and the checks of it."""
    project = bake_to(tmp_path_factory.mktemp("new-task"))
    (project / "gwexample" / "analyses" / "scale.py").write_text(NEW_TASK)
    (project / "tests" / "test_scale.py").write_text(CHECKS)
    return project, venvs.plugin_venv(tmp_path_factory.mktemp("new-task-venv"), project)


def run_checks(with_a_new_task, marker):
    project, python = with_a_new_task
    run, counts = venvs.run_pytest(
        python, project, "-m", marker, "tests/test_scale.py", env=without_test_brokers()
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert counts["failed"] == counts["error"] == counts["skipped"] == 0, run.stdout[-3000:]
    return counts


def test_a_new_task_module_gets_its_route_and_docs(with_a_new_task):
    """Listed, answering (its default too), refusing bad values by name, in the API docs."""
    assert run_checks(with_a_new_task, "not browser")["passed"] == 6


def test_a_new_task_module_gets_its_page(with_a_new_task):
    """In the navigation, a form as its description says (a number field, a select), an answer."""
    browser.require("the page of a new task")
    assert run_checks(with_a_new_task, "browser")["passed"] == 1
