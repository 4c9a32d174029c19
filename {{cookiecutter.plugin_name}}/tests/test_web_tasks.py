"""The default example's page in a real browser: Fibonacci in the global navigation."""

import re

import pytest
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.girder import job_count, wait_for_job
from harness.workers import taking_nothing_from

from {{ cookiecutter.package_name }} import QUEUE

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]


def test_a_user_runs_fibonacci_26_from_the_navigation_and_reads_121393(girder_ui, user):
    page = girder_ui(user)
    page.click(".g-global-nav a[g-target='{{ cookiecutter.plugin_name }}/fibonacci']")
    page.fill("#g-{{ cookiecutter.plugin_name }}-n", "26")
    page.click("button:has-text('Run')")
    page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-result:has-text('121393')")
    assert page.inner_text(".g-{{ cookiecutter.plugin_name }}-job-status") == "Success"
    # The page's address names the job: reloading it shows the result again.
    job_id = re.search(r"#{{ cookiecutter.plugin_name }}/fibonacci/(\w+)$", page.url).group(1)
    assert Job().load(job_id, force=True)["meta"]["result"] == "121393"
    page.reload()
    page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-result:has-text('121393')")
    page.wait_for_selector(".g-global-nav-li.g-active a[g-target='{{ cookiecutter.plugin_name }}/fibonacci']")


def test_n_0_shows_the_routes_message_beside_the_field_and_makes_no_job(girder_ui, user):
    page = girder_ui(user, fragment="{{ cookiecutter.plugin_name }}/fibonacci")
    page.fill("#g-{{ cookiecutter.plugin_name }}-n", "0")
    page.click("button:has-text('Run')")
    page.wait_for_selector(".has-error")
    assert page.inner_text(".g-{{ cookiecutter.plugin_name }}-error") == "n must be from 1 to 20000, got 0."
    assert job_count() == 0


def test_an_anonymous_visitor_is_asked_to_log_in_and_then_can_run_it(girder_ui, user):
    page = girder_ui(fragment="{{ cookiecutter.plugin_name }}/fibonacci")
    assert page.locator("#g-{{ cookiecutter.plugin_name }}-n").count() == 0
    page.click(".g-{{ cookiecutter.plugin_name }}-login")
    page.fill("#g-login", user["login"])
    page.fill("#g-password", "password")
    page.click("#g-login-button")
    page.fill("#g-{{ cookiecutter.plugin_name }}-n", "10")
    page.click("button:has-text('Run')")
    page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-result:has-text('55')")
    assert Job().findOne({})["status"] == JobStatus.SUCCESS


def test_a_failed_job_shows_its_status_and_the_end_of_its_log(girder_ui, user):
    # A job that the route would refuse to make: scheduled by task name, as the README shows.
    job = Job().createJob(
        title="Fibonacci number 0",
        type="{{ cookiecutter.package_name }}.fibonacci",
        handler="worker_handler",
        user=user,
        args=(0,),
        kwargs={},
        otherFields={"celeryTaskName": "{{ cookiecutter.package_name }}.analyses.tasks.fibonacci"},
    )
    Job().scheduleJob(job)
    wait_for_job(job["_id"], (JobStatus.ERROR,))
    page = girder_ui(user, fragment=f"{{ cookiecutter.plugin_name }}/fibonacci/{job['_id']}")
    page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-job-log:has-text('n must be from 1 to 20000, got 0')")
    assert page.inner_text(".g-{{ cookiecutter.plugin_name }}-job-status") == "Error"
    assert page.locator(".g-{{ cookiecutter.plugin_name }}-result").count() == 0


@pytest.mark.broadcast
def test_with_no_worker_on_the_queue_the_page_says_the_job_waits_then_shows_the_answer(
    girder_ui, user, worker, app_on_the_test_broker
):
    page = girder_ui(user, fragment="{{ cookiecutter.plugin_name }}/fibonacci")
    with taking_nothing_from(QUEUE, worker, app_on_the_test_broker):
        page.fill("#g-{{ cookiecutter.plugin_name }}-n", "26")
        page.click("button:has-text('Run')")
        page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-no-worker:visible")
        assert page.inner_text(".g-{{ cookiecutter.plugin_name }}-job-status") in ("Inactive", "Queued")
    # The broker kept the message: once the worker takes from the queue again, the job runs.
    page.wait_for_selector(".g-{{ cookiecutter.plugin_name }}-result:has-text('121393')")
    assert page.locator(".g-{{ cookiecutter.plugin_name }}-no-worker:visible").count() == 0
