"""The web client: its script and style sheet as Girder serves them (or nothing, unbuilt), and
the Fibonacci page, made from the task's description, in a real browser."""

import json
import re
from urllib.request import urlopen

import pytest
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.browser import expect, log_in, part
from harness.girder import job_count, wait_for_job
from harness.workers import taking_nothing_from

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.girder_plugin import WEB_CLIENT_CSS, WEB_CLIENT_DIST, WEB_CLIENT_JS


def test_unbuilt_web_client_is_left_out_with_a_warning(monkeypatch, tmp_path, caplog):
    """An unbuilt web client is left out with a warning; the routes stay."""
    from girder.plugin import getPluginStaticContent

    import {{ cookiecutter.package_name }}.girder_plugin as plugin

    monkeypatch.setattr(plugin, "WEB_CLIENT_DIST", tmp_path)
    plugin.register_web_client({"serverRoot": None})
    assert "run `npm ci && npm run build`" in caplog.text
    assert "{{ cookiecutter.plugin_name }}" not in getPluginStaticContent()


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_girder_lists_and_serves_the_script_and_style(web_client, boundServer):
    """Girder lists the plugin's script and style sheet, and serves them."""
    root = f"http://127.0.0.1:{boundServer.boundPort}"
    with urlopen(f"{root}/api/v1/system/plugin_static_files") as response:
        listed = json.load(response)
    mine = [
        url for url in listed["js"] + listed["css"] if url.startswith("plugin_static/{{ cookiecutter.plugin_name }}/")
    ]
    assert [url.split("?")[0] for url in mine] == [
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_JS}",
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_CSS}",
    ]
    # Each is served as built: the script that the wheel or the checkout holds, and its style.
    for url, name in zip(mine, (WEB_CLIENT_JS, WEB_CLIENT_CSS), strict=True):
        with urlopen(f"{root}/{url}") as served:
            assert served.read() == (WEB_CLIENT_DIST / name).read_bytes(), url


class TestTheFibonacciPage:
    """Fibonacci in the global navigation, its form, its job and its answer."""

    pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

    def test_user_runs_fibonacci_26_and_reads_121393(self, girder_ui, user):
        """From the link in the global navigation; the page's address then names the job."""
        page = girder_ui(user)
        page.click(".g-global-nav a[g-target='{{ cookiecutter.plugin_name }}/fibonacci']")
        page.fill("#g-{{ cookiecutter.plugin_name }}-n", "26")
        page.click("button:has-text('Run')")
        expect(part(page, "result")).to_contain_text("121393")
        expect(part(page, "job-status")).to_have_text("Success")
        # The page's address names the job: reloading it shows the result again.
        job_id = re.search(r"#{{ cookiecutter.plugin_name }}/fibonacci/(\w+)$", page.url).group(1)
        assert Job().load(job_id, force=True)["meta"]["result"] == "121393"
        page.reload()
        expect(part(page, "result")).to_contain_text("121393")
        active = page.locator(".g-global-nav-li.g-active a[g-target='{{ cookiecutter.plugin_name }}/fibonacci']")
        expect(active).to_be_visible()

    def test_n_0_shows_the_routes_message_and_makes_no_job(self, girder_ui, user):
        """The route's 400 message shows beside the field."""
        page = girder_ui(user, fragment="{{ cookiecutter.plugin_name }}/fibonacci")
        page.fill("#g-{{ cookiecutter.plugin_name }}-n", "0")
        page.click("button:has-text('Run')")
        expect(page.locator(".has-error #g-{{ cookiecutter.plugin_name }}-n")).to_be_visible()
        expect(part(page, "error")).to_have_text("n must be a whole number from 1 to 20000, got 0.")
        assert job_count() == 0

    def test_anonymous_visitor_logs_in_then_runs_it(self, girder_ui, user):
        """An anonymous visitor gets no form but a log-in link, and can run the task after it."""
        page = girder_ui(fragment="{{ cookiecutter.plugin_name }}/fibonacci")
        expect(page.locator("#g-{{ cookiecutter.plugin_name }}-n")).to_have_count(0)
        log_in(page, user, link=".g-{{ cookiecutter.plugin_name }}-login")
        page.fill("#g-{{ cookiecutter.plugin_name }}-n", "10")
        page.click("button:has-text('Run')")
        expect(part(page, "result")).to_contain_text("55")
        assert Job().findOne({})["status"] == JobStatus.SUCCESS

    def test_a_failed_job_shows_its_status_and_the_end_of_its_log(self, girder_ui, user):
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
        expect(part(page, "job-log")).to_contain_text(
            "n must be a whole number from 1 to 20000, got 0"
        )
        expect(part(page, "job-status")).to_have_text("Error")
        expect(part(page, "result")).to_have_count(0)

    def test_job_waits_for_a_worker_then_shows_the_answer(
        self, girder_ui, user, worker, app_on_the_test_broker
    ):
        """With no worker on the queue the page says the job waits; the broker keeps it."""
        page = girder_ui(user, fragment="{{ cookiecutter.plugin_name }}/fibonacci")
        with taking_nothing_from(QUEUE, worker, app_on_the_test_broker):
            page.fill("#g-{{ cookiecutter.plugin_name }}-n", "26")
            page.click("button:has-text('Run')")
            expect(part(page, "no-worker")).to_be_visible()
            expect(part(page, "job-status")).to_have_text(re.compile("^(Inactive|Queued)$"))
        # The broker kept the message: once the worker takes from the queue again, the job runs.
        expect(part(page, "result")).to_contain_text("121393")
        expect(part(page, "no-worker")).to_be_hidden()
