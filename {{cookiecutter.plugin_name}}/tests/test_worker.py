"""A real worker discovers the plugin through its entry point and runs its task."""

import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TASK_NAME = "{{ cookiecutter.package_name }}.analyses.tasks.{{ cookiecutter.task_name }}"


def test_the_worker_lists_the_task_it_found_through_the_entry_point(worker):
    assert TASK_NAME in worker.registered_tasks(), worker.log_tail()


def test_the_example_client_prints_the_26th_fibonacci_number(worker, worker_env):
    client = subprocess.run(
        [sys.executable, "example_client.py"],
        cwd=PROJECT_ROOT,
        env=worker_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert client.returncode == 0, f"{client.stderr}\n{worker.log_tail()}"
    assert client.stdout.strip() == "121393", worker.log_tail()
