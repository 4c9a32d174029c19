"""The dev command's loop, on the default bake: prints three figures, in seconds.

- start: ``python -m gwexample dev`` to Girder answering, the pages already built
  (node_modules in place, as after the first start) — goal ≤ 15 s;
- saved task: a new described task saved, to its route's answer — goal ≤ 2 s;
- saved page: a page saved, to the rebuilt bundle on disk — goal ≤ 3 s.

Each is measured ROUNDS times; the median and the range are printed.
"""

import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from girder_client import GirderClient  # noqa: E402

from support import baking, venvs  # noqa: E402
from support.dev_command import DevCommand, free_port, save_task  # noqa: E402

ROUNDS = 3


def until(check, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if result := check():
                return result
        except Exception:  # noqa: BLE001 - not there yet
            pass
        time.sleep(0.05)
    raise TimeoutError(check)


def answered(url):
    with urllib.request.urlopen(f"{url}/api/v1/system/version", timeout=2) as response:
        return response.status == 200


def new_answer(client, i):
    job = client.post(f"gwexample/double_{i}", parameters={"n": 21})
    job = until(lambda: (j := client.get(f"job/{job['_id']}"))["status"] == 3 and j)
    return job["meta"]["result"] == "42"


def measure(project, python, round_number):
    figures = {}
    port = free_port()
    started = time.monotonic()
    dev = DevCommand(python, project, "gwexample", "--port", str(port)).start()
    try:
        url, login, password = dev.account()
        until(lambda: answered(url))
        figures["start"] = time.monotonic() - started
        client = GirderClient(apiUrl=f"{url}/api/v1")
        client.authenticate(login, password)
        saved = time.monotonic()
        save_task(project, f"double_{round_number}", "Doubled")
        until(lambda: new_answer(client, round_number))
        figures["saved task"] = time.monotonic() - saved
        web_client = project / "gwexample" / "girder_plugin" / "web_client"
        page = web_client / "src" / "jobform.js"
        bundle = web_client / "dist" / "girder-plugin-gwexample.umd.cjs"
        mark = f"Run, round {round_number}"
        saved = time.monotonic()
        page.write_text(page.read_text().replace(">Run", f">{mark}"))
        until(lambda: mark in bundle.read_text())
        figures["saved page"] = time.monotonic() - saved
        dev.ctrl_c()
    finally:
        dev.kill()
    return figures


def main():
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        project = baking.bake_to(scratch / "bake")
        python = venvs.plugin_venv(scratch / "venv", project)
        # The first start installs node_modules; the figures are of the starts after it.
        warm = DevCommand(python, project, "gwexample", "--port", str(free_port())).start()
        try:
            warm.account()
            warm.ctrl_c()
        finally:
            warm.kill()
        rounds = [measure(project, python, number) for number in range(ROUNDS)]
    goals = {"start": 15, "saved task": 2, "saved page": 3}
    for name, goal in goals.items():
        values = [figures[name] for figures in rounds]
        print(
            f"{name}: {statistics.median(values):.1f} s"
            f" (rounds {min(values):.1f}–{max(values):.1f}; goal ≤ {goal} s)"
        )


if __name__ == "__main__":
    main()
