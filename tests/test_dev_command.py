"""``python -m <package> dev`` as a plugin author runs it: one command, Girder with the plugin,
a worker and the pages, each restarted or rebuilt as its files are saved.

The command runs in a bake installed in a venv, in a process group of its own, as a shell
starts it. The tests change the bake's files while it runs, as an author does.
"""

import os
import socket
import time

import pytest
from girder_client import GirderClient, HttpError

from support import browser, harness, venvs
from support.baking import EVERY_OPTION, bake_to
from support.dev_command import DevCommand, descendants, free_port, port_is_free, save_task

pytestmark = pytest.mark.e2e

ANSWER_TIMEOUT = 60


def installed_bake(tmp_path_factory, **answers):
    project = bake_to(tmp_path_factory.mktemp("dev-bake"), **answers)
    return project, venvs.plugin_venv(tmp_path_factory.mktemp("dev-venv"), project)


@pytest.fixture(scope="module")
def default_bake(tmp_path_factory):
    return installed_bake(tmp_path_factory)


@pytest.fixture(scope="module")
def idle_bake(tmp_path_factory):
    """A second default bake, for the tests that start the command themselves: one runs in a
    project at a time, and the dev fixture's holds the default bake."""
    return installed_bake(tmp_path_factory)


@pytest.fixture(scope="module")
def dev(default_bake):
    """The default bake's dev command, running on a port of its own."""
    project, python = default_bake
    command = DevCommand(python, project, "gwexample", "--port", str(free_port())).start()
    try:
        command.account()
        yield command
    finally:
        command.kill()


@pytest.fixture(scope="module")
def girder(dev):
    url, login, password = dev.account()
    client = GirderClient(apiUrl=f"{url}/api/v1")
    client.authenticate(login, password)
    return client


@pytest.fixture(scope="module")
def chromium():
    browser.require("the dev command's pages in a browser")
    from playwright.sync_api import expect, sync_playwright

    # The baked log-in waits with expect(); a loaded machine takes more than its 5 s.
    expect.set_options(timeout=ANSWER_TIMEOUT * 1000)

    with sync_playwright() as playwright:
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        launched = playwright.chromium.launch(
            executable_path=os.environ["GW_TEST_BROWSER"], args=args
        )
        yield launched
        launched.close()


def logged_in_page(chromium, dev):
    """A new page of the dev command's Girder, logged in as its admin, as the baked tests log in."""
    url, login, password = dev.account()
    page = chromium.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT * 1000)
    page.goto(url)
    harness.browser(dev.project).log_in(page, {"login": login}, password=password)
    return page


def answer(girder, route, n, timeout=ANSWER_TIMEOUT):
    """The result that the route's job stores, once it has one; None if none in timeout."""
    deadline = time.monotonic() + timeout
    job = girder.post(route, parameters={"n": n})
    while time.monotonic() < deadline:
        job = girder.get(f"job/{job['_id']}")
        if job["status"] == 3:  # success
            return job["meta"]["result"]
        if job["status"] in (4, 5):  # error, canceled
            return None
        time.sleep(0.1)
    return None


def wait_until(check, timeout=ANSWER_TIMEOUT, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(step)
    raise AssertionError(f"{check.__doc__ or check} did not happen within {timeout} s")


def test_a_browser_logs_in_and_reads_fibonacci_26(dev, chromium):
    """The README's quick path ends here: the printed account, the page, 121393."""
    page = logged_in_page(chromium, dev)
    page.click(".g-global-nav a[g-target='gwexample/fibonacci']")
    page.fill("#g-gwexample-n", "26")
    page.click("button:has-text('Run')")
    page.wait_for_selector(".g-gwexample-result:has-text('121393')")
    page.close()


def test_the_page_can_tell_that_a_worker_serves_the_queue(girder):
    """The embedded broker broadcasts, so the workers route asks the dev worker and it answers."""
    assert girder.get("gwexample/workers") == {"serving": True}


def test_a_second_dev_command_refuses_naming_the_first(dev, default_bake):
    """It leaves the first one's broker and database alone."""
    project, python = default_bake
    first = dev.process.pid
    second = DevCommand(python, project, "gwexample", "--port", str(free_port())).start()
    try:
        status = second.process.wait(60)
    finally:
        second.kill()
    assert status == 2
    [line] = second.lines
    assert line.startswith("error: python -m gwexample dev runs in this project already")
    assert f"as process {first};" in line
    assert dev.process.poll() is None


def test_a_saved_task_module_answers_with_no_restart(dev, default_bake, girder):
    """A new described task in analyses/ gets its route without touching the running command."""
    project, _ = default_bake
    saved = time.monotonic()
    task = save_task(project, "double", "Doubled")

    def doubled():
        try:
            return answer(girder, "gwexample/double", 21, timeout=5)
        except Exception:  # the route is not there yet  # noqa: BLE001
            return None

    assert wait_until(doubled) == "42"
    print(f"saved task -> new answer: {time.monotonic() - saved:.1f} s")
    assert "worker restarted: analyses/double.py" in dev.output()
    assert "double" in [described["name"] for described in girder.get("gwexample/tasks")]
    # Saved again, changed: the next job runs the new code, and nothing warns of a duplicate
    # (a task, or an event that the reloaded plugin binds again).
    task.write_text(task.read_text().replace("2 * n", "3 * n"))
    assert wait_until(lambda: doubled() == "63")
    assert "DuplicateTaskNameWarning" not in dev.output()
    assert "Event binding already exists" not in dev.output()


def test_a_deleted_task_loses_its_route_and_may_return(dev, default_bake, girder):
    """A task module deleted (here by a rename, as an author puts one aside) takes its route
    away; saved again, it has its route back, as the command keeps watching through both."""
    project, _ = default_bake
    task = save_task(project, "halve", "Halved")

    def listed():
        return "halve" in [described["name"] for described in girder.get("gwexample/tasks")]

    wait_until(listed)
    lines = len(dev.lines)
    task.rename(task.with_suffix(".py.aside"))
    dev.wait_for(r"Girder reloaded the plugin's routes: analyses/halve\.py deleted", after=lines)
    assert not listed()
    with pytest.raises(HttpError) as no_route:
        girder.post("gwexample/halve", parameters={"n": 4})
    assert "No matching route" in no_route.value.responseText
    lines = len(dev.lines)
    save_task(project, "halve", "Halved")
    dev.wait_for(r"Girder reloaded the plugin's routes: analyses/halve\.py saved", after=lines)
    assert answer(girder, "gwexample/halve", 4) == "8"
    assert "Traceback" not in "\n".join(dev.lines[lines:])


def test_a_saved_task_gets_its_page_on_reload(dev, default_bake, chromium):
    """The page comes from the description: no page to write, nothing to rebuild."""
    project, _ = default_bake
    page = logged_in_page(chromium, dev)
    lines = len(dev.lines)
    save_task(project, "twice", "Twice, from a page")
    dev.wait_for(r"Girder reloaded the plugin's routes: analyses/twice\.py", after=lines)
    dev.wait_for(r"worker restarted: analyses/twice\.py", after=lines)
    page.reload()
    page.click(".g-global-nav a[g-target='gwexample/twice']")
    page.wait_for_selector(".g-body-title:has-text('Twice, from a page')")
    page.fill("#g-gwexample-n", "8")
    page.click("button:has-text('Run')")
    page.wait_for_selector(".g-gwexample-result:has-text('16')")
    page.close()


def test_a_saved_page_is_rebuilt_and_shown_on_reload(dev, default_bake, chromium):
    project, _ = default_bake
    form = project / "gwexample" / "girder_plugin" / "web_client" / "src" / "jobform.js"
    page = logged_in_page(chromium, dev)
    page.goto(f"{dev.account()[0]}/#gwexample/fibonacci")
    page.wait_for_selector(".g-body-title:has-text('Fibonacci number')")
    lines = len(dev.lines)
    saved = time.monotonic()
    form.write_text(form.read_text().replace(">Run</button>", ">Run, rebuilt</button>"))
    dev.wait_for(r"pages built in .*jobform\.js saved", after=lines)
    print(f"saved page -> rebuilt bundle: {time.monotonic() - saved:.1f} s")
    page.reload()
    page.wait_for_selector("button:has-text('Run, rebuilt')")
    page.close()


def test_a_syntax_error_then_its_fix_brings_the_worker_back(dev, default_bake, girder):
    """The broken save shows the worker's error; Girder answers all along; the fix restarts."""
    project, _ = default_bake
    module = project / "gwexample" / "analyses" / "broken.py"
    lines = len(dev.lines)
    module.write_text("def broken(:\n")
    dev.wait_for(r"the worker stopped", after=lines)
    assert "SyntaxError" in "\n".join(dev.lines[lines:])
    assert girder.get("system/version")["release"].startswith("5.")
    lines = len(dev.lines)
    module.write_text("def fixed():\n    return 1\n")
    dev.wait_for(r"worker restarted: analyses/broken\.py", after=lines)
    assert answer(girder, "gwexample/fibonacci", 26) == "121393"


def test_ctrl_c_stops_every_process_and_a_second_start_works(idle_bake):
    project, python = idle_bake
    port = free_port()
    for _ in range(2):
        command = DevCommand(python, project, "gwexample", "--port", str(port)).start()
        try:
            command.account()
            assert descendants(command.process.pid), "the dev command started no process"
            seconds = command.ctrl_c()
        finally:
            command.kill()
        print(f"Ctrl-C -> every process gone: {seconds:.1f} s")
        assert port_is_free(port)


def test_a_port_in_use_is_an_error_and_starts_nothing(idle_bake):
    project, python = idle_bake
    before = set(venvs.processes_started_by(python))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = DevCommand(python, project, "gwexample", "--port", str(port)).start()
        try:
            status = command.process.wait(60)
        finally:
            command.kill()
    assert status != 0
    error = f"error: port {port} on 127.0.0.1 is in use; choose another with --port"
    assert command.lines == [error]
    assert set(venvs.processes_started_by(python)) <= before, "the refused command left a process"


def test_an_unanswering_database_is_an_error_naming_it(idle_bake):
    project, python = idle_bake
    uri = f"mongodb://author:s3cret@127.0.0.1:{free_port()}/girder"
    port = str(free_port())
    command = DevCommand(python, project, "gwexample", "--database", uri, "--port", port).start()
    try:
        status = command.process.wait(60)
    finally:
        command.kill()
    assert status != 0
    [line] = command.lines
    assert line.startswith("error: no MongoDB answered at mongodb://author:***@127.0.0.1:")
    assert "--database" in line and "s3cret" not in line


@pytest.fixture(scope="module")
def every_option_dev(tmp_path_factory):
    """The every-option bake's dev command, and a Girder client logged in as its admin."""
    project, python = installed_bake(tmp_path_factory, **EVERY_OPTION)
    command = DevCommand(python, project, "image_tools", "--port", str(free_port())).start()
    try:
        url, login, password = command.account()
        client = GirderClient(apiUrl=f"{url}/api/v1")
        client.authenticate(login, password)
        yield command, client
    finally:
        command.kill()


def test_the_every_option_dev_command_serves_every_page(every_option_dev, chromium):
    """Each example brings its page, most made from their descriptions; the dev command
    serves them all."""
    command, client = every_option_dev
    url = command.account()[0]
    page = logged_in_page(chromium, command)
    # Made from the descriptions of the tasks: one page each.
    for route, title in [
        ("fibonacci", "Fibonacci number"),
        ("fibonacci_sequence", "Fibonacci sequence"),
        ("count_lines", "Line count"),
        ("count_words_into_metadata", "Word count into metadata"),
    ]:
        page.click(f".g-global-nav a[g-target='image_tools/{route}']")
        page.wait_for_selector(f".g-body-title:has-text('{title}')")
    user = client.get("user/me")
    folder = client.listFolder(user["_id"], "user", name="Private")
    item = client.createItem(next(folder)["_id"], "notes")
    client.uploadFileToItem(item["_id"], __file__)
    page.goto(f"{url}/#item/{item['_id']}")
    # The container example's page, written by hand, is an entry of an item's Actions menu.
    page.click(".g-item-actions-button")
    page.wait_for_selector(".g-item-actions-menu .g-image_tools-count-words")
    page.close()


def test_a_canceled_job_stops_within_3_s(every_option_dev):
    """On the embedded broker, Girder's Cancel reaches the running task, which stops early."""
    _, client = every_option_dev
    job = client.post("image_tools/fibonacci_sequence", parameters={"n": 60, "delay": 0.5})

    def running():
        """the job reports its first steps"""
        current = client.get(f"job/{job['_id']}")
        return current["status"] == 2 and (current.get("progress") or {}).get("current", 0) >= 2

    wait_until(running, step=0.05)
    client.put(f"job/{job['_id']}/cancel")
    canceled = time.monotonic()

    def ended():
        """the job ends"""
        current = client.get(f"job/{job['_id']}")
        return current if current["status"] in (3, 4, 5) else None

    done = wait_until(ended, timeout=30, step=0.05)
    seconds = time.monotonic() - canceled
    print(f"cancel -> CANCELED: {seconds:.2f} s")
    assert done["status"] == 5, done  # canceled
    assert seconds < 3
    assert done["progress"]["current"] < 60


def test_without_girder_the_dev_command_runs_a_reloading_worker(tmp_path_factory):
    """girder_plugin=no: the same command, a worker alone on the embedded broker."""
    project = bake_to(tmp_path_factory.mktemp("dev-bake"), girder_plugin=False)
    python = venvs.plugin_venv(
        tmp_path_factory.mktemp("dev-venv"), project, without=venvs.GIRDER_DISTRIBUTIONS
    )
    command = DevCommand(python, project, "gwexample").start()
    try:
        command.wait_for("watching the package")
        # The README's line: the example client on the dev command's folder.
        broker = {"GIRDER_WORKER_BROKER": f"filesystem://{project / '.dev' / 'broker'}"}
        client = venvs.run_python(
            python, "example_client.py", cwd=project, env={**os.environ, **broker}, timeout=120
        )
        assert client.stdout.strip() == "121393", client.stderr
        lines = len(command.lines)
        save_task(project, "double", "Doubled")
        command.wait_for(r"worker restarted: analyses/double\.py", after=lines)
        command.wait_for(r"gwexample\.analyses\.double\.double", after=lines)
        command.ctrl_c()
    finally:
        command.kill()
