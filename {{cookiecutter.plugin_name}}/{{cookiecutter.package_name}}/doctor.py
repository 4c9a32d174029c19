"""Can this deployment run the plugin's tasks? ``python -m {{ cookiecutter.package_name }} doctor`` asks.

Each check is a plain function of a ``Context`` that looks at one thing and says what
it saw: ok, warn, fail, or skip (when an earlier failure leaves nothing to look at),
with the fix. ``run`` calls them in order; ``report`` and ``as_json`` print them.

The checks run on a worker host and on the Girder host alike, so nothing here imports
Girder. Every wait is bounded: a broker that does not answer costs seconds, never
Celery's retry loops. No password leaves this module: ``run`` masks every text it returns.
"""

import importlib
import os
import re
import threading
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote, urlsplit

from celery.exceptions import TimeoutError as ResultTimeout

from {{ cookiecutter.package_name }} import QUEUE, {{ cookiecutter.plugin_class }}, __version__

#: The distribution whose version every worker must share with this host.
DISTRIBUTION = "{{ cookiecutter.distribution_name }}"
#: The task the doctor sends to a worker of the queue (probe.py).
PROBE_TASK = "{{ cookiecutter.package_name }}.probe.probe"
#: Seconds to wait for any one answer: a connection, the probe's result.
DEFAULT_TIMEOUT = 5.0
#: Seconds to collect replies to a broadcast. Workers answer in milliseconds, but
#: nobody knows how many will, so the doctor waits this long for all of them.
REPLY_WINDOW = 1.0

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
LABELS = {OK: "ok", WARN: "warn", FAIL: "FAIL", SKIP: "skip"}

#: setting -> (Celery's variable, which beats girder_worker's; girder_worker's variable; its default)
SETTINGS = {
    "broker": ("CELERY_BROKER_URL", "GIRDER_WORKER_BROKER", "amqp://guest:guest@localhost/"),
    "backend": ("CELERY_RESULT_BACKEND", "GIRDER_WORKER_BACKEND", "rpc://guest:guest@localhost/"),
}

# scheme://user:password@ (the user may be empty: redis://:password@host). The password
# runs to the last "@" before the path, as urlsplit reads it.
_PASSWORD_IN_URL = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s:/@]*:)[^\s/]*@")


def mask(text, secrets=()):
    """text with the password of every URL in it, and every one of secrets, shown as ***."""
    text = _PASSWORD_IN_URL.sub(r"\1***@", str(text))
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


def secrets_of(urls):
    """The passwords of urls, as written and decoded, to mask wherever they turn up.

    ``guest`` is RabbitMQ's well-known default, no secret, and masking the word would
    garble the warning about it.
    """
    found = set()
    for url in filter(None, urls):
        try:
            password = urlsplit(url).password
        except ValueError:  # not a URL urlsplit reads; mask() still hides its password
            continue
        if password and password != "guest":
            found |= {password, unquote(password)}
    return found


def resolve(setting, environ):
    """(value, variable that set it) for "broker" or "backend", as girder_worker's app resolves it.

    girder_worker's celeryconfig reads its own variable, or its default, when the app is
    built. Celery reads its variable on every use, and a non-empty one wins.
    """
    celery_variable, variable, default = SETTINGS[setting]
    if environ.get(celery_variable):
        return environ[celery_variable], celery_variable
    if variable in environ:
        return environ[variable], variable
    return default, "girder_worker's default"


def plugin_task_names(app):
    """The names of the plugin's tasks, as this host knows them."""
    for module in {{ cookiecutter.plugin_class }}(app).task_imports():
        importlib.import_module(module)
    return sorted(name for name in app.tasks if name.startswith("{{ cookiecutter.package_name }}."))


def within(seconds, function):
    """function's result, or TimeoutError after seconds.

    A bound on calls whose libraries retry past their own timeouts (or, as a DNS
    lookup, have none); the call itself finishes in a thread nobody waits for.
    """
    outcome = {}

    def call():
        try:
            outcome["value"] = function()
        except Exception as error:
            outcome["error"] = error

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise TimeoutError(f"no answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def described(error):
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


@dataclass
class Result:
    check: str
    status: str
    saw: str
    fix: str = ""


@dataclass
class Context:
    """What the checks look at, and what earlier checks found for later ones."""

    app: object
    queue: str = QUEUE
    api_url: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    environ: Mapping = field(default_factory=lambda: os.environ)
    broker_answers: bool = False
    broadcasts: bool = False
    backend_answers: bool = False
    workers: list | None = None  # None: not known
    tasks_registered: bool = False
    probe: dict | None = None


CHECKS = []


def check(name):
    """Add the function to CHECKS, the doctor's list, under name."""

    def add(function):
        function.check_name = name
        CHECKS.append(function)
        return function

    return add


def ok(saw):
    return OK, saw, ""


def warn(saw, fix):
    return WARN, saw, fix


def fail(saw, fix):
    return FAIL, saw, fix


def skip(saw):
    return SKIP, saw, ""


def setting_in_effect(ctx, setting, in_effect):
    celery_variable, variable, _ = SETTINGS[setting]
    value, source = resolve(setting, ctx.environ)
    if value != in_effect:
        source = "the app's own configuration, not the environment"
    saw = f"{in_effect} (from {source})"
    if source != celery_variable:
        return ok(saw)
    if ctx.environ.get(variable, value) != value:
        return fail(
            f"{saw}, which silently beats {variable}={ctx.environ[variable]}",
            f"unset {celery_variable}: girder_worker's setting is {variable}",
        )
    return warn(
        f"{saw}, which silently beats {variable}",
        f"set {variable} instead, and unset {celery_variable}",
    )


@check("broker setting")
def broker_setting(ctx):
    return setting_in_effect(ctx, "broker", ctx.app.conf.broker_url)


@check("backend setting")
def backend_setting(ctx):
    return setting_in_effect(ctx, "backend", ctx.app.conf.result_backend)


@check("broker account")
def broker_account(ctx):
    url = urlsplit(ctx.app.conf.broker_url)
    # An AMQP URL without a user logs in as guest.
    user = url.username or ("guest" if url.scheme in ("amqp", "amqps", "pyamqp") else None)
    if user == "guest":
        return warn(
            "the broker URL logs in as guest, RabbitMQ's default account",
            "give the broker a user and password of its own: RabbitMQ lets guest in"
            " from the broker's own host only, and everyone knows its password",
        )
    return ok(f"the broker URL logs in as {user}" if user else "the broker URL names no account")


@check("broker answers")
def broker_answers(ctx):
    url = ctx.app.conf.broker_url

    def connect():
        with ctx.app.connection_for_write(connect_timeout=ctx.timeout) as connection:
            # One quick retry, never Celery's default of retrying for ever.
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=ctx.timeout)
            return "fanout" in connection.transport.implements.exchange_type

    try:
        ctx.broadcasts = within(ctx.timeout + 1, connect)
    except Exception as error:
        return fail(
            f"{url} does not answer: {described(error)}",
            "check the broker URL (host, port, user, password, virtual host), that the"
            " broker runs, and that this host may reach it",
        )
    ctx.broker_answers = True
    return ok(f"{url} answers")


@check("backend answers")
def backend_answers(ctx):
    url = ctx.app.conf.result_backend
    if not url:
        return fail("no result backend is set", f"set {SETTINGS['backend'][1]}")
    if urlsplit(url).scheme == "rpc":
        if not ctx.broker_answers:
            return skip("rpc:// results travel over the broker, which does not answer")
        ctx.backend_answers = True
        return ok("rpc:// results travel over the broker, which answers")
    try:
        within(ctx.timeout, lambda: ctx.app.backend.get_task_meta(str(uuid.uuid4())))
    except Exception as error:
        return fail(
            f"{url} does not answer: {described(error)}",
            "check the backend URL, that the backend runs, and that this host may reach it",
        )
    ctx.backend_answers = True
    return ok(f"{url} answers")


@check("workers")
def queue_workers(ctx):
    if not ctx.broker_answers:
        return skip("not asked: the broker does not answer")
    if not ctx.broadcasts:
        scheme = urlsplit(ctx.app.conf.broker_url).scheme
        return warn(
            f"not asked: a {scheme}:// broker cannot broadcast, so workers cannot say"
            " which queues they consume",
            "use RabbitMQ or Redis to see the workers; the probe below still reaches one",
        )
    replies = ctx.app.control.inspect(timeout=REPLY_WINDOW).active_queues() or {}
    ctx.workers = sorted(
        worker
        for worker, queues in replies.items()
        if any(queue.get("name") == ctx.queue for queue in queues)
    )
    if not ctx.workers:
        others = f" (workers of other queues that answered: {len(replies)})" if replies else ""
        return fail(
            f"no worker consumes the queue {ctx.queue!r}{others}",
            "start one where the plugin is installed:"
            f" celery -A girder_worker.app worker -Q {ctx.queue}",
        )
    count = "1 worker consumes" if len(ctx.workers) == 1 else f"{len(ctx.workers)} workers consume"
    return ok(f"{count} the queue {ctx.queue!r}: {', '.join(ctx.workers)}")


@check("plugin tasks")
def plugin_tasks(ctx):
    if not ctx.workers:
        known = "no worker consumes the queue" if ctx.workers == [] else "the workers are not known"
        return skip(f"not asked: {known}")
    expected = plugin_task_names(ctx.app)
    inspect = ctx.app.control.inspect(
        destination=ctx.workers, timeout=ctx.timeout, limit=len(ctx.workers)
    )
    replies = inspect.registered() or {}
    problems = []
    for worker in ctx.workers:
        if worker not in replies:
            problems.append(f"{worker} did not answer")
            continue
        missing = [name for name in expected if name not in replies[worker]]
        if missing:
            problems.append(
                f"{worker} lacks {len(missing)} of the plugin's {len(expected)} tasks:"
                f" {', '.join(missing)}"
            )
    if problems:
        return fail(
            "; ".join(problems),
            f"install {DISTRIBUTION} {__version__} where that worker runs and restart it"
            f" as celery -A girder_worker.app worker -Q {ctx.queue}: a worker lists its"
            " plugins' tasks once, when it starts",
        )
    ctx.tasks_registered = True
    return ok(f"every worker of the queue has the plugin's {len(expected)} tasks")


@check("plugin version")
def probe_version(ctx):
    if not (ctx.broker_answers and ctx.backend_answers):
        return skip("no probe sent: the broker or the result backend does not answer")
    if ctx.workers is not None and not ctx.tasks_registered:
        return skip("no probe sent: no worker of the queue could run it")
    # A Girder job, an API URL and a token of its own would each be made for the probe
    # when the status route sends it; these headers say it needs none.
    headers = {"girder_job_disable": True, "girder_api_url": "", "girder_client_token": ""}
    # The worker gets half the time for its HTTP request, the round trip the rest.
    arguments = (ctx.api_url, ctx.timeout / 2)
    result = ctx.app.send_task(PROBE_TASK, arguments, queue=ctx.queue, headers=headers)
    try:
        ctx.probe = result.get(timeout=ctx.timeout)
    except ResultTimeout:
        return fail(
            f"no worker of the queue {ctx.queue!r} ran the probe within {ctx.timeout:g} s",
            "start a worker of the queue where the plugin is installed, or give busy"
            " workers more time (--timeout)",
        )
    theirs, ours = ctx.probe["version"], __version__
    if theirs != ours:
        return fail(
            f"the probe ran on {ctx.probe['worker']}, which has {DISTRIBUTION} {theirs};"
            f" this host has {ours}",
            f"install the same version of {DISTRIBUTION} on every worker and on this host",
        )
    return ok(f"the probe ran on {ctx.probe['worker']}, which has {DISTRIBUTION} {ours} too")


@check("Girder API")
def girder_api(ctx):
    if not ctx.api_url:
        return skip("not asked: no Girder API URL given (--girder-api-url)")
    if ctx.probe is None:
        return skip("not asked: no worker ran the probe")
    seen = ctx.probe["api"]
    if not seen["ok"]:
        return fail(
            f"{ctx.probe['worker']} cannot reach {seen['url']}: {seen['saw']}",
            "set Girder's worker.api_url setting (or the worker's GIRDER_WORKER_API_URL) to"
            " an address of Girder's API, ending in /api/v1, that the worker's host reaches",
        )
    return ok(f"{ctx.probe['worker']} reached {seen['url']}: {seen['saw']}")


def run(app=None, queue=QUEUE, api_url=None, timeout=DEFAULT_TIMEOUT, environ=None, checks=None):
    """Run the checks in order; return their Results, every password masked."""
    if app is None:
        # The app a worker runs, with every installed plugin loaded.
        from girder_worker.app import app
    environ = os.environ if environ is None else environ
    ctx = Context(app, queue, api_url, timeout, environ)
    variables = [name for setting in SETTINGS.values() for name in setting[:2]]
    urls = [app.conf.broker_url, app.conf.result_backend, api_url, *map(environ.get, variables)]
    secrets = secrets_of(urls)
    results = []
    for function in CHECKS if checks is None else checks:
        try:
            status, saw, fix = function(ctx)
        except Exception as error:
            status, saw, fix = FAIL, f"the check stopped: {described(error)}", ""
        results.append(Result(function.check_name, status, mask(saw, secrets), mask(fix, secrets)))
    return results


def passed(results):
    return all(result.status != FAIL for result in results)


def exit_code(results):
    return 0 if passed(results) else 1


def report(results):
    """One line per check: its status, what it saw, and the fix if something is wrong."""
    lines = []
    for result in results:
        line = f"{LABELS[result.status]:<4}  {result.check}: {result.saw}"
        if result.fix and result.status in (WARN, FAIL):
            line += f". Fix: {result.fix}"
        lines.append(line)
    return "\n".join(lines)


def as_json(results):
    """The results for machines (JSON-ready): ``{"ok": ..., "checks": [...]}``."""
    return {"ok": passed(results), "checks": [asdict(result) for result in results]}
