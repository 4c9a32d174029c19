"""Girder's web client, with this plugin's pages, in a real browser (the tests marked browser).

pytest-playwright (the ``browser`` extra) gives each test a fresh ``page``; this module adds
what the project needs on top of it:

- the pages, built (``npm ci && npm run build`` in the web client's directory) once per
  session, when ``dist/`` is missing or older than the sources; that needs node and npm;
- the browser that GW_TEST_BROWSER names (Debian's: ``GW_TEST_BROWSER=/usr/bin/chromium``),
  else Playwright's own (``playwright install chromium``);
- ``girder_ui``: Girder's web client on the test server, logged in or not.

With no npm, pytest-playwright or browser the tests are skipped, saying which;
GW_TEST_REQUIRE_BROWSER=1 makes that a failure (CI). A failing test leaves a trace and a
screenshot in ``test-results/<test>/``: ``playwright show-trace test-results/<test>/trace.zip``.
"""

import fcntl
import os
import shutil
import subprocess
import time

import pytest

from . import PROJECT_ROOT

try:
    import pytest_playwright  # noqa: F401
    from playwright.sync_api import expect
except ImportError:
    expect = None

WEB_CLIENT = PROJECT_ROOT / "{{ cookiecutter.package_name }}" / "girder_plugin" / "web_client"
# Headless, and quiet: the machine may have no network, nor a GPU.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A job's page waits for a worker and a Girder server on a busy machine: more than 5 s.
TIMEOUT_MS = 20_000
# pytest-playwright's artifact options in place of its default "off" (`--tracing on` keeps all).
ON_FAILURE = {"tracing": "retain-on-failure", "screenshot": "only-on-failure"}
# True once the token that Girder's web client keeps answers as the user: what a page that
# loads next starts with.
LOGGED_IN = """async (login) => {
    const token = window.localStorage.getItem("girderToken");
    if (!token) return false;
    const answer = await fetch("api/v1/user/me", { headers: { "Girder-Token": token } });
    const user = answer.ok ? await answer.json() : null;
    return user !== null && user.login === login;
}"""


def unavailable(reason):
    """Skip, or fail where GW_TEST_REQUIRE_BROWSER=1 says the browser tests must run."""
    reason = f"browser tests left out: {reason}"
    if os.environ.get("GW_TEST_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (GW_TEST_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def pytest_configure(config):
    """A failing browser test keeps its trace and a screenshot (``--output``, test-results/)."""
    if not config.pluginmanager.hasplugin("playwright"):
        return
    expect.set_options(timeout=TIMEOUT_MS)
    for option, value in ON_FAILURE.items():
        if config.getoption(option) == "off":
            setattr(config.option, option, value)


if expect is None:
    # Session-wide, as pytest-playwright's browser is: it comes before the pages are built.
    @pytest.fixture(scope="session")
    def page():
        """Stands in for pytest-playwright's page where the browser extra is not installed."""
        unavailable("pytest-playwright is not installed: install '.[test,browser]'")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_type):
    """pytest-playwright's launch options, for the browser that GW_TEST_BROWSER names."""
    executable = os.environ.get("GW_TEST_BROWSER") or browser_type.executable_path
    if not os.access(executable, os.X_OK):
        unavailable(
            f"no browser at {executable}: set GW_TEST_BROWSER=/usr/bin/chromium "
            "(Debian: apt-get install chromium) or run `playwright install chromium`"
        )
    # Chromium's sandbox refuses to run as root.
    args = [*CHROMIUM_ARGS, "--no-sandbox"] if os.geteuid() == 0 else CHROMIUM_ARGS
    return {**browser_type_launch_args, "executable_path": executable, "args": args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


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
    """Build the web client from its lock file, unless it is built from the current sources.

    Without the sources (the tests run against an installed wheel), its build is what it ships.
    """
    if not WEB_CLIENT.is_dir():
        return
    # Each test process asks; one builds while the others wait for it.
    with (WEB_CLIENT / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not web_client_is_built():
            run_npm_build()


def run_npm_build():
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


@pytest.fixture
def girder_ui(page, web_client, girder):
    """Open Girder's web client (this plugin's pages built in) in page, logged in or not.

    The browser comes first, so that a machine without one builds no pages in vain. Errors
    thrown by the page's scripts fail the test.
    """
    base = f"http://127.0.0.1:{girder.boundPort}/"
    page.set_default_timeout(TIMEOUT_MS)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def open_girder(user=None, fragment=""):
        page.goto(base)
        if user is not None:
            log_in(page, user)
        if fragment:
            page.goto(f"{base}#{fragment}")
            # The app starts again on that address, logged in: no render that the log-in set
            # off can still take the page elsewhere.
            page.reload()
        return page

    yield open_girder
    assert errors == [], f"the page's scripts threw: {errors}"


def part(page, name):
    """An element of this plugin's pages, by the end of its class name: part(page, "result")."""
    return page.locator(f".g-{{ cookiecutter.plugin_name }}-{name}")
{% if cookiecutter.girder_io_task or cookiecutter.girder_client_task %}


def choose(page, field, folder, item=None):
    """Choose Girder data for a field of a described task's page, in Girder's own browser: the
    item named item in the user's folder named folder, or that folder itself."""
    page.click(f".g-{{ cookiecutter.plugin_name }}-choose[data-for='{field}']")
    dialog = page.locator("#g-dialog-container")
    dialog.locator(".g-folder-list-link", has_text=folder).click()
    if item is not None:
        dialog.locator(".g-item-list-link", has_text=item).click()
    dialog.locator(".g-submit-button").click()
    # The dialog is gone, and the page shows what was chosen.
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    expect(page.locator(f".g-{{ cookiecutter.plugin_name }}-chosen[data-for='{field}']")).to_have_text(item or folder)
{% endif %}


def log_in(page, user, link="a.g-login", password="password"):
    """Log in as a person does, in the dialog that link opens (pytest-girder's users have the
    password "password"), and wait until a page loaded next starts logged in."""
    page.click(link)
    # The dialog focuses its login field once it has faded in: text typed before that may land
    # in the wrong field.
    expect(page.locator("#g-login")).to_be_focused()
    page.fill("#g-login", user["login"])
    page.fill("#g-password", password)
    page.click("#g-login-button")
    expect(page.locator(".g-user-text")).to_be_visible()
    # The page shows the user before the log-in is everywhere a next page load looks: the
    # girderToken cookie comes a moment later. Wait until a new load would start logged in.
    page.wait_for_function(LOGGED_IN, arg=user["login"], polling=100)
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not any(cookie["name"] == "girderToken" for cookie in page.context.cookies()):
        assert time.monotonic() < deadline, "no girderToken cookie after logging in"
        page.wait_for_timeout(50)
