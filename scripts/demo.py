"""Bake the default plugin and watch a real girder_worker run its task.

    python3 scripts/demo.py [--keep DIR]

Needs only Python 3.11+ with venv and pip. Steps, as a plugin author would take them:
a venv with cookiecutter, a bake with the default answers, ``pip install -e`` of the
plugin, ``celery -A girder_worker.app worker`` on the plugin's embedded broker (files in a
folder; no server), then ``python example_client.py``, which prints 121393. The worker is stopped
at the end; the baked plugin stays where the last line says.
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
READY_TIMEOUT = 90


def step(message):
    print(f"==> {message}", flush=True)


def run(*command, **options):
    subprocess.run([str(part) for part in command], check=True, **options)


def start_worker(python, env, log_path):
    command = [python, "-m", "celery", "-A", "girder_worker.app", "worker", "-l", "info"]
    step(f"starting the worker: celery -A girder_worker.app worker -l info  (log: {log_path})")
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + READY_TIMEOUT
    while " ready." not in log_path.read_text(errors="replace"):
        if worker.poll() is not None or time.monotonic() > deadline:
            worker.kill()
            sys.exit(f"the worker did not start; its log:\n{log_path.read_text(errors='replace')}")
        time.sleep(0.2)
    tasks = log_path.read_text().split("[tasks]", 1)[1].split("\n\n", 1)[0]
    print(f"    the worker is ready and lists these tasks:{tasks}", flush=True)
    return worker


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="bake into this directory (default: a new one)")
    options = parser.parse_args()
    work = (options.keep or Path(tempfile.mkdtemp(prefix="gw-plugin-demo-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    python = work / "venv" / "bin" / "python"

    step(f"creating a virtual environment in {work / 'venv'}")
    venv.EnvBuilder(with_pip=True).create(work / "venv")
    step("installing cookiecutter")
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip", "cookiecutter")

    step("baking the template with the default answers")
    project = work / "gwexample"
    if project.exists():
        sys.exit(f"{project} exists already; pass another --keep directory")
    run(python, "-m", "cookiecutter", "--no-input", TEMPLATE_DIR, "--output-dir", work)
    step("installing the plugin as on a worker host")
    run(python, "-m", "pip", "install", "--quiet", "--editable", project)

    env = os.environ | {
        # The plugin's embedded broker: a folder that the worker and the client share.
        "GIRDER_WORKER_BROKER": f"filesystem://{work / 'broker'}",
        # girder_worker accepts pickle, so Celery refuses root unless told.
        "C_FORCE_ROOT": "1",
    }
    worker = start_worker(python, env, work / "worker.log")
    try:
        step("running: python example_client.py")
        client = subprocess.run(
            [python, "example_client.py"], cwd=project, env=env, capture_output=True, text=True
        )
        print(f"    it printed: {client.stdout.strip() or client.stderr.strip()}", flush=True)
    finally:
        step("stopping the worker")
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
    if client.returncode != 0 or client.stdout.strip() != "121393":
        sys.exit("the demo failed: the client did not print 121393")
    step(f"done: the baked plugin is in {project}; its README.md says what to do next")


if __name__ == "__main__":
    main()
