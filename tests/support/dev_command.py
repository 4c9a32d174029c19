"""A baked project's ``python -m <package> dev``, started as a person starts it in a terminal.

It runs in a process group of its own, as a shell's job does; Ctrl-C is SIGINT to that group.
Its output is read line by line as it comes, so a test can wait for what it prints.
"""

import os
import re
import signal
import socket
import subprocess
import threading
import time
from contextlib import suppress
from pathlib import Path

#: Seconds the dev command may take to serve Girder, its worker and its pages.
START_TIMEOUT = 120
#: Seconds that Ctrl-C may take to stop everything the dev command started.
STOP_TIMEOUT = 10
ACCOUNT = re.compile(r"Girder: (http://\S+)\s+\(log in as (\S+) with password (\S+)\)")
# A described task of the default bake: its module is all there is to it.
NEW_TASK = '''"""Multiplies a number."""

from girder_worker.app import app
from girder_worker.utils import girder_job, types
from girder_worker.utils.decorators import argument

from gwexample.described import Described


@girder_job(title="{title}")
@app.task(base=Described)
@argument("n", types.Integer, min=0, max=1000, help="The number to multiply.")
def {name}(n):
    return 2 * n
'''


def save_task(project, name, title):
    """A new described task in analyses/, as an author saves one; its module's path."""
    module = project / "gwexample" / "analyses" / f"{name}.py"
    module.write_text(NEW_TASK.format(name=name, title=title))
    return module


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def descendants(pid):
    """Every live process below pid, by /proc's parent links."""
    children = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(proc.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid):
    try:
        # A zombie has exited; only its parent has yet to read its status.
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


class DevCommand:
    """``python -m package dev`` with args, in project, on python's venv."""

    def __init__(self, python, project, package, *args, env=None):
        self.command = [str(python), "-m", package, "dev", *args]
        self.project = project
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.lines = []
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.command,
            cwd=self.project,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            process_group=0,
        )
        threading.Thread(target=self._read, daemon=True).start()
        return self

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def output(self):
        return "\n".join(self.lines)

    def wait_for(self, pattern, timeout=START_TIMEOUT, after=0):
        """The first match of pattern in a line printed after line number after."""
        pattern = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if match := pattern.search(line):
                    return match
            if self.process.poll() is not None:
                time.sleep(0.2)  # the last lines
                raise AssertionError(f"dev exited with {self.process.returncode}:\n{self.output()}")
            time.sleep(0.1)
        raise AssertionError(f"dev printed no {pattern.pattern!r} in {timeout} s:\n{self.output()}")

    def account(self):
        """Girder's address, and the admin's login and password, as printed."""
        return self.wait_for(ACCOUNT).groups()

    def ctrl_c(self):
        """Ctrl-C, as a terminal sends it; returns the seconds until every process had gone."""
        started = time.monotonic()
        processes = [self.process.pid, *descendants(self.process.pid)]
        os.killpg(self.process.pid, signal.SIGINT)
        deadline = started + STOP_TIMEOUT
        while time.monotonic() < deadline:
            self.process.poll()
            if not any(alive(pid) for pid in processes):
                return time.monotonic() - started
            time.sleep(0.05)
        left = [pid for pid in processes if alive(pid)]
        raise AssertionError(f"processes {left} still run {STOP_TIMEOUT} s after Ctrl-C")

    def kill(self):
        """Kill whatever is left (after a failed test)."""
        if self.process is None:
            return
        for pid in [self.process.pid, *descendants(self.process.pid)]:
            with suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        self.process.wait()
