"""The progress example's page in a real browser: a moving progress bar, and Cancel."""

import pytest
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.browser import expect, part

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]


def progress(page):
    """The job's progress bar: (current, total), from its "3 of 40" label."""
    current, _, total = page.inner_text(".progress-bar").split()
    return int(current), int(total)


def test_progress_bar_moves_and_cancel_ends_the_job(girder_ui, user):
    """The bar's label moves while the job runs; Cancel ends the job as canceled."""
    page = girder_ui(user)
    page.click(".g-global-nav a[g-target='{{ cookiecutter.plugin_name }}/fibonacci_sequence']")
    page.fill("#g-{{ cookiecutter.plugin_name }}-n", "40")
    page.fill("#g-{{ cookiecutter.plugin_name }}-delay", "0.2")
    page.click("button:has-text('Run')")
    bar = page.locator(".progress-bar")
    expect(bar).to_contain_text(" of 40")
    first, _ = progress(page)
    expect(bar).not_to_have_text(f"{first} of 40")
    assert progress(page)[0] > first
    page.click(".g-{{ cookiecutter.plugin_name }}-cancel")
    expect(part(page, "job-status")).to_have_text("Canceled")
    job = Job().findOne({})
    assert job["status"] == JobStatus.CANCELED
    assert progress(page)[0] < 40
