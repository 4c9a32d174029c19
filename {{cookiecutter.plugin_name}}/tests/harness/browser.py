"""Girder's web client, with this plugin's pages, in a real browser (the tests marked browser).

- The pages are built (``npm ci && npm run build`` in the web client's directory) once per
  session, when ``dist/`` is missing or older than the sources; that needs node and npm.
- The browser is Chromium, driven by Python's Playwright: the one that GW_TEST_BROWSER names
  (Debian's: ``GW_TEST_BROWSER=/usr/bin/chromium``), else Playwright's own
  (``playwright install chromium``).
- With no npm, Playwright or browser the tests are skipped, saying which;
  GW_TEST_REQUIRE_BROWSER=1 makes that a failure (CI).
- Each test leaves a screenshot of its last page in test-results/screenshots/ (or in
  GW_TEST_SCREENSHOTS), whether it passed or not.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from . import PROJECT_ROOT

WEB_CLIENT = PROJECT_ROOT / "{{ cookiecutter.package_name }}" / "girder_plugin" / "web_client"
SCREENSHOTS = Path(
    os.environ.get("GW_TEST_SCREENSHOTS", PROJECT_ROOT / "test-results" / "screenshots")
)
# Headless, and quiet: the machine may have no network, nor a GPU.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 20_000
#: The screenshots this session took.
taken = []


def unavailable(reason):
    """Skip, or fail where GW_TEST_REQUIRE_BROWSER=1 says the browser tests must run."""
    if os.environ.get("GW_TEST_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (GW_TEST_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def web_client_sources():
    return [
        WEB_CLIENT / "package.json",
        WEB_CLIENT / "package-lock.json",
        WEB_CLIENT / "vite.config.js",
        *(path for path in (WEB_CLIENT / "src").rglob("*") if path.is_file()),
    ]


def web_client_is_built():
    from {{ cookiecutter.package_name }}.girder_plugin import WEB_CLIENT_CSS, WEB_CLIENT_DIST, WEB_CLIENT_JS

    built = [WEB_CLIENT_DIST / WEB_CLIENT_JS, WEB_CLIENT_DIST / WEB_CLIENT_CSS]
    if not all(path.is_file() for path in built):
        return False
    newest_source = max(path.stat().st_mtime for path in web_client_sources())
    return min(path.stat().st_mtime for path in built) >= newest_source


def build_web_client():
    """Build the web client from its lock file, unless it is built from the current sources."""
    if web_client_is_built():
        return
    npm = shutil.which("npm")
    if npm is None:
        unavailable("the web client is not built and there is no npm to build it: install Node.js")
    steps = [[npm, "ci", "--no-audit", "--no-fund"], [npm, "run", "build"]]
    # npm ci starts from nothing; skip it while node_modules matches the lock file.
    installed = WEB_CLIENT / "node_modules" / ".package-lock.json"
    if (
        installed.is_file()
        and installed.stat().st_mtime >= (WEB_CLIENT / "package-lock.json").stat().st_mtime
    ):
        steps = steps[1:]
    for step in steps:
        run = subprocess.run(step, cwd=WEB_CLIENT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, f"{' '.join(step)} failed:\n{run.stdout}\n{run.stderr}"


@pytest.fixture(scope="session")
def web_client():
    """The built web client; request it before any Girder server starts, which reads it."""
    build_web_client()
    return WEB_CLIENT / "dist"


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install -e '.[test,browser]'")
    executable = os.environ.get("GW_TEST_BROWSER") or None
    # Chromium's sandbox refuses to run as root.
    args = [*CHROMIUM_ARGS, "--no-sandbox"] if os.geteuid() == 0 else CHROMIUM_ARGS
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=args)
        except Error as error:
            first_line = str(error).strip().splitlines()[0]
            unavailable(
                f"no browser starts ({first_line}): set GW_TEST_BROWSER=/usr/bin/chromium "
                "(Debian: apt-get install chromium) or run `playwright install chromium`"
            )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser tab; the test's last page is saved as a screenshot.

    Errors thrown by the page's scripts fail the test.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        taken.append(SCREENSHOTS / f"{request.node.name}.png")
        page.screenshot(path=taken[-1], full_page=True)
        context.close()
    assert errors == [], f"the page's scripts threw: {errors}"


@pytest.fixture
def girder_ui(page, web_client, girder):
    """Open Girder's web client (this plugin's pages built in) in page, logged in or not.

    The browser comes first, so that a machine without one builds no pages in vain.
    """
    base = f"http://127.0.0.1:{girder.boundPort}/"

    def open_girder(user=None, fragment=""):
        page.goto(base)
        if user is not None:
            log_in(page, user)
        if fragment:
            page.goto(f"{base}#{fragment}")
        return page

    return open_girder


def log_in(page, user):
    """Log in as a person does; pytest-girder's users have the password "password"."""
    page.click("a.g-login")
    page.fill("#g-login", user["login"])
    page.fill("#g-password", "password")
    page.click("#g-login-button")
    page.wait_for_selector(".g-user-text")


def pytest_terminal_summary(terminalreporter):
    if taken:
        terminalreporter.write_line(f"screenshots of the browser tests: {SCREENSHOTS}")
