"""``python -m {{ cookiecutter.package_name }} dev``: the plugin running{% if cookiecutter.girder_plugin %} in Girder{% endif %}, restarted as you save.

One process owns all of it, and Ctrl-C or SIGTERM stops all of it:

- a worker of the plugin's queue, restarted when a Python module of the package is saved (a
  spare worker waits with the slow imports done, and takes over in a fraction of a second);
{% if cookiecutter.girder_plugin %}
- Girder 5 with this plugin, served in this process (``dev_girder``); a saved task, or module
  of the Girder plugin, reloads the plugin's routes there;
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
- the pages, built at start and again on every save of the web client's sources;
{% endif %}
{% endif %}
- the embedded broker (files in ``.dev/broker/``) unless ``GIRDER_WORKER_BROKER`` names one.

One runs in a project at a time: a second refuses, naming the first one's process.

Each process it starts gets a process group of its own, so that stopping it stops what it
forked too (the worker's pool{% if cookiecutter.girder_plugin and cookiecutter.web_client %}, npm's node{% endif %}); a terminal's Ctrl-C reaches this process alone.
"""

import fcntl
import os
import shutil
import signal
{% if cookiecutter.girder_plugin %}
import socket
{% endif %}
import subprocess
import sys
import threading
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
import time
{% endif %}
import traceback
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote

import watchfiles

from {{ cookiecutter.package_name }} import QUEUE

PACKAGE_DIR = Path(__file__).resolve().parent
#: The dev command's own files: the embedded broker{% if cookiecutter.girder_plugin %} and the uploads{% endif %}. .gitignore lists it.
DEV_DIR = PACKAGE_DIR.parent / ".dev"
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
WEB_CLIENT = PACKAGE_DIR / "girder_plugin" / "web_client"
{% endif %}
#: Seconds a process gets to stop before it is killed: all of them stop within 10 s.
STOP_TIMEOUT = 3
#: What a worker imports that no save changes, loaded by the spare worker ahead of time: most
#: of a worker's start{% if cookiecutter.girder_plugin %} (Girder's models, which Girder's own tasks import){% endif %}.
WARM_IMPORTS = [
    "celery.apps.worker",
    "celery.worker.consumer",
    "celery.concurrency.prefork",
{% if cookiecutter.girder_plugin %}
    "girder.models.assetstore",
    "girder.models.collection",
    "girder.models.folder",
    "girder.models.user",
{% endif %}
]
#: A spare worker: it imports WARM_IMPORTS, then waits for "go" before it imports
#: girder_worker's app, which loads this plugin as it is now, and runs Celery's worker.
SPARE = """
import importlib, sys
for name in sys.argv[1].split(","):
    importlib.import_module(name)
if sys.stdin.readline() != "go\\n":
    sys.exit()
sys.argv[:2] = ["celery"]
from celery.__main__ import main
main()
"""


def say(message):
    print(f"dev: {message}", flush=True)


class Child:
    """A process that this command started, in a process group of its own."""

    def __init__(self, command, cwd=None, stdin=subprocess.DEVNULL):
        self.command = command
        self.cwd = cwd
        self.stdin = stdin
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.command, cwd=self.cwd, stdin=self.stdin, start_new_session=True
        )
        return self

    def exited(self):
        """The exit status, or None while it runs (or never ran)."""
        return None if self.process is None else self.process.poll()

    def wait(self):
        return self.process.wait()

    def interrupt(self):
        """Ask it to stop, and wait for nothing: safe in a signal handler, while another
        frame of this thread may be waiting for it."""
        if self.process is not None:
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)

    def stop(self, grace=STOP_TIMEOUT):
        """Ask it to stop, give it grace seconds, then kill what is left of its group."""
        if self.process is None:
            return
        with suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(grace)
        # Whatever it forked and left behind goes too.
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


class Worker:
    """The plugin's worker, each start taken over by a spare that has loaded ahead of time what
    no save changes, so that a restart takes a fraction of a second instead of seconds."""

    def __init__(self, queues):
        self.args = [
            *("-A", "girder_worker.app", "worker", "--loglevel", "info"),
            *("--queues", ",".join(queues), "--concurrency", "1"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]
        self.current = None
        self.spare = None

    def new_spare(self):
        command = [sys.executable, "-c", SPARE, ",".join(WARM_IMPORTS), *self.args]
        return Child(command, stdin=subprocess.PIPE).start()

    def start(self):
        """Start the worker in the spare, and make the next spare."""
        self.current = self.spare or self.new_spare()
        try:
            self.current.process.stdin.write(b"go\n")
            self.current.process.stdin.close()
        except BrokenPipeError:
            pass  # the spare has stopped: exited() says so
        self.spare = self.new_spare()

    def restart(self):
        # A worker takes seconds to stop politely; the task it runs is cut short anyway.
        self.current.stop(grace=0)
        self.start()

    def exited(self):
        """The worker's exit status, or None while it runs."""
        return None if self.current is None else self.current.exited()

    def stop(self):
        for child in (self.current, self.spare):
            if child is not None:
                child.stop()


def claim_the_project():
    """Lock the project for this process while it lives: (the lock, None), or (None, the PID
    of the dev command that holds it)."""
    DEV_DIR.mkdir(exist_ok=True)
    lock = (DEV_DIR / "dev.pid").open("a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "unknown"
        lock.close()
        return None, holder
    lock.truncate(0)
    lock.write(f"{os.getpid()}\n")
    lock.flush()
    return lock, None


def use_a_broker():
    """Name the broker in the environment (this process's and its children's); say which."""
    if os.environ.get("GIRDER_WORKER_BROKER"):
        say(f"broker: {os.environ['GIRDER_WORKER_BROKER']} (GIRDER_WORKER_BROKER)")
        return
    folder = DEV_DIR / "broker"
    # Its messages and bindings belong to the jobs and workers of an earlier run, gone with it.
    shutil.rmtree(folder, ignore_errors=True)
    os.environ["GIRDER_WORKER_BROKER"] = f"filesystem://{quote(str(folder))}"
    say(f"broker: embedded, files in {folder} (GIRDER_WORKER_BROKER names another)")
    # Celery refuses to run a worker that accepts pickle (girder_worker does) as root unless told.
    os.environ.setdefault("C_FORCE_ROOT", "1")
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}


class Pages:
    """The web client, built with npm; without npm, Girder runs without the pages."""

    def __init__(self):
        self.npm = shutil.which("npm")
        self.build = None

    def make(self, why="start"):
        if self.npm is None:
            say("npm is missing, so the pages are not built (install Node.js); Girder runs on")
            return
        started = time.monotonic()
        if not (WEB_CLIENT / "node_modules").is_dir():
            say("installing the web client's packages (npm ci)")
            if not self._run("ci", "--no-audit", "--no-fund"):
                return
        if self._run("run", "build", "--silent"):
            say(f"pages built in {time.monotonic() - started:.1f} s ({why}); reload the browser")

    def _run(self, *args):
        self.build = Child([self.npm, *args], cwd=WEB_CLIENT).start()
        status = self.build.wait()
        if status > 0:
            say(f"npm {' '.join(args)} failed (exit status {status}); its error is above")
        return status == 0

    def interrupt(self):
        if self.build is not None:
            self.build.interrupt()
{% endif %}
{% if cookiecutter.girder_plugin %}


def port_in_use(host, port):
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As uvicorn binds: connections closed a moment ago do not hold the port.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False
{% endif %}


class Dev:
    """Everything the dev command started, and the watching that restarts parts of it."""

    def __init__(self, queues{% if cookiecutter.girder_plugin %}, girder{% endif %}):
        self.worker = Worker(queues)
{% if cookiecutter.girder_plugin %}
        self.girder = girder
{% endif %}
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
        self.pages = Pages()
{% endif %}
        self.stopping = threading.Event()
        self.watcher = threading.Thread(target=self.watch, name="dev-watch", daemon=True)

    def stop(self, *signal_args):
        self.stopping.set()
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
        # A build in progress ends now: the start waits for it, and would wait in vain.
        self.pages.interrupt()
{% endif %}

    def run(self):
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self.stop)
        try:
            self.worker.start()
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
            self.pages.make()
{% endif %}
            self.watcher.start()
{% if cookiecutter.girder_plugin %}
            if not self.stopping.is_set():
                # Girder's server holds Ctrl-C and SIGTERM while it runs, then hands them back.
                self.girder.serve()
{% else %}
            say("watching the package; Ctrl-C stops the worker")
            self.stopping.wait()
{% endif %}
        finally:
            self.stop()
            # The watcher first: a save now must not start a worker after this one stopped.
            if self.watcher.is_alive():
                self.watcher.join(STOP_TIMEOUT)
            self.worker.stop()
            say("stopped")
        return 0

    def watch(self):
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
        sources = watchfiles.DefaultFilter(ignore_paths=[WEB_CLIENT / "dist"])
{% else %}
        sources = watchfiles.DefaultFilter()
{% endif %}
        reported_exit = False
        for changes in watchfiles.watch(
            PACKAGE_DIR,
            watch_filter=sources,
            stop_event=self.stopping,
            rust_timeout=1000,
            yield_on_timeout=True,
        ):
            paths = {Path(path) for _, path in changes}
            # An editor's temporary files come and go within a save; a deleted module counts,
            # also when it was renamed.
            paths = {path for path in paths if path.exists() or path.suffix == ".py"} or paths
            saved = sorted(path.relative_to(PACKAGE_DIR).as_posix() for path in paths)
            if self.stopping.is_set():
                return
            status = self.worker.exited()
            if status is not None and not reported_exit:
                say(f"the worker stopped (exit status {status}; its error is above): save a fix")
            reported_exit = status is not None
            if saved:
                try:
                    self.changed(saved)
                except Exception:  # noqa: BLE001 - one bad save must not end the watching
                    traceback.print_exc()
                    say("that save was not taken (error above): save again")

    def changed(self, saved):
        if self.stopping.is_set():
            return
        python = [path for path in saved if path.endswith(".py")]
{% if cookiecutter.girder_plugin %}
        # What Girder can reload in place: the tasks, their descriptions, the plugin's modules.
        reloadable = ("analyses/", "described.py", "girder_plugin/")
        routes = [
            path
            for path in python
            if path.startswith(reloadable) and path != "girder_plugin/__init__.py"
        ]
        worker = [path for path in python if not path.startswith("girder_plugin/")]
        for path in python:
            if path.startswith("girder_plugin/") and path not in routes:
                say(f"{what([path])}: Girder reads it when it starts; restart this command")
{% else %}
        worker = python
{% endif %}
        if worker:
            self.worker.restart()
            say(f"worker restarted: {what(worker)}")
{% if cookiecutter.girder_plugin %}
        if routes and self.girder.reload_routes():
            say(f"Girder reloaded the plugin's routes: {what(routes)}")
{% endif %}
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
        pages = [path for path in saved if path.startswith("girder_plugin/web_client/")]
        if pages:
            self.pages.make(why=what(pages))
{% endif %}


def what(paths):
    """What became of each path of the package: "analyses/tasks.py saved", or deleted."""
    return ", ".join(
        f"{path} {'saved' if (PACKAGE_DIR / path).exists() else 'deleted'}" for path in paths
    )


def main(args):
    # Held until this function returns: while the command runs.
    lock, holder = claim_the_project()
    if lock is None:
        print(
            f"error: python -m {{ cookiecutter.package_name }} dev runs in this project already, as process"
            f" {holder}; stop it first (Ctrl-C in its terminal, or kill {holder})",
            file=sys.stderr,
        )
        return 2
{% if cookiecutter.girder_plugin %}
    from {{ cookiecutter.package_name }} import dev_girder

    if port_in_use(args.host, args.port):
        print(
            f"error: port {args.port} on {args.host} is in use; choose another with --port",
            file=sys.stderr,
        )
        return 2
    if args.database and (problem := dev_girder.database_problem(args.database)):
        print(f"error: {problem}", file=sys.stderr)
        return 2
    use_a_broker()
    if args.database:
        # The worker of Girder's local queue works on the same database.
        os.environ["GIRDER_MONGO_URI"] = args.database
    girder = dev_girder.Girder(args.host, args.port, DEV_DIR, say, args.database, args.admin)
    # A real MongoDB reaches a worker process too, so Girder's own tasks (the local queue) run.
    queues = [QUEUE, "local"] if args.database else [QUEUE]
    return Dev(queues, girder).run()
{% else %}
    use_a_broker()
    return Dev([QUEUE]).run()
{% endif %}
