"""A baked browser test run with the bake's own configuration: when it fails it leaves what
shows why (a trace and a screenshot), and with no browser it is left out by name."""

import os
import zipfile

import pytest

from support import browser, venvs
from support.baking import bake

# Two tests on pytest-playwright's page, with the bake's expect(); one of them fails.
ONE_FAILS = """
import pytest
from harness.browser import expect

pytestmark = pytest.mark.browser


def test_passes(page):
    page.set_content("<p class='answer'>121393</p>")
    expect(page.locator(".answer")).to_have_text("121393")


def test_fails_on_purpose(page):
    page.set_content("<p class='answer'>121393</p>")
    expect(page.locator(".answer")).to_have_text("0", timeout=500)
"""


@pytest.fixture(scope="module")
def project_with_a_failing_test(cookies_session, tmp_path_factory):
    """A fresh default bake, installed, with ONE_FAILS in tests/; returns (project, python)."""
    project = bake(cookies_session).project_path
    (project / "tests" / "test_one_fails.py").write_text(ONE_FAILS)
    python = venvs.plugin_venv(tmp_path_factory.mktemp("venv"), project)
    return project, python


def run_one_fails(project_with_a_failing_test, **env):
    project, python = project_with_a_failing_test
    return venvs.run_pytest(
        python, project, "-ra", "tests/test_one_fails.py", env=os.environ | env, timeout=120
    )


@pytest.mark.e2e
def test_failing_browser_test_leaves_trace_and_screenshot(project_with_a_failing_test):
    """Only the failing test's: test-results/<test id>/ holds trace.zip and a PNG."""
    browser.require("the failing browser test")
    run, counts = run_one_fails(project_with_a_failing_test)
    assert (counts["passed"], counts["failed"]) == (1, 1), run.stdout + run.stderr
    results = project_with_a_failing_test[0] / "test-results"
    (kept,) = results.iterdir()
    assert "fails-on-purpose" in kept.name
    assert sorted(path.name for path in kept.iterdir()) == ["test-failed-1.png", "trace.zip"]
    assert (kept / "test-failed-1.png").read_bytes().startswith(b"\x89PNG")
    trace = zipfile.ZipFile(kept / "trace.zip")
    assert any(name.endswith(".trace") for name in trace.namelist()), trace.namelist()


@pytest.mark.e2e
def test_missing_browser_is_a_named_skip_or_a_failure(project_with_a_failing_test, tmp_path):
    """The summary names each test and GW_TEST_BROWSER; GW_TEST_REQUIRE_BROWSER=1 fails them."""
    missing = str(tmp_path / "no-chromium")
    run, counts = run_one_fails(
        project_with_a_failing_test, GW_TEST_BROWSER=missing, GW_TEST_REQUIRE_BROWSER=""
    )
    assert counts["skipped"] == 2, run.stdout + run.stderr
    skips = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert [line.split()[2] for line in skips] == [
        "tests/test_one_fails.py:8:",
        "tests/test_one_fails.py:13:",
    ]
    assert all(f"no browser at {missing}: set GW_TEST_BROWSER=" in line for line in skips)
    run, counts = run_one_fails(
        project_with_a_failing_test, GW_TEST_BROWSER=missing, GW_TEST_REQUIRE_BROWSER="1"
    )
    assert counts["error"] == 2, run.stdout + run.stderr
    assert "(GW_TEST_REQUIRE_BROWSER=1)" in run.stdout
