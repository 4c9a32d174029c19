"""The doctor: ``python -m {{ cookiecutter.package_name }} doctor``{% if cookiecutter.girder_plugin %} and ``GET /{{ cookiecutter.plugin_name }}/status``{% endif %}.

The fast tests feed the checks settings, and the printer and the command fake results.
The e2e tests run the doctor as an operator would, in a process of its own, against the
session's worker, a worker without the plugin, and brokers and APIs that do not answer.
"""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import closing
from urllib.parse import urlsplit

import pytest
from celery import Celery
{% if cookiecutter.girder_plugin %}
from girder.models.token import Token
from girder_client import HttpError
{% endif %}
from harness import workers
{% if cookiecutter.girder_plugin %}
from harness.girder import api_url, client, job_count
{% endif %}

from {{ cookiecutter.package_name }} import QUEUE, doctor
from {{ cookiecutter.package_name }}.__main__ import main

SECRET = "doctor-test-s3cret"
CELERY_VARIABLES = ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")


def with_password(url, password=SECRET, user="guest"):
    """url, logging in as user with password (built here: no password is written in this file)."""
    parts = urlsplit(url)
    return parts._replace(netloc=f"{user}:{password}@{parts.netloc}").geturl()


def fake(status, check="broker answers", saw="what it saw", fix="the fix"):
    return doctor.Result(check, status, saw, fix)


def test_every_urls_password_is_masked_and_the_rest_kept():
    urls = [
        with_password("amqp://127.0.0.1:5672//"),
        with_password("redis://127.0.0.1:6379/0", user=""),
        with_password("http://127.0.0.1:8080/api/v1", password=f"{SECRET}@with-an-at"),
    ]
    text = f"connecting to {urls[0]} failed; also {urls[1]} and {urls[2]}"
    masked = doctor.mask(text)
    assert SECRET not in masked
    assert masked == text.replace(f"{SECRET}@with-an-at", "***").replace(SECRET, "***")


def test_urls_without_a_password_are_left_as_they_are():
    text = "sqla+sqlite:////tmp/broker.sqlite amqp://127.0.0.1:5672// http://girder:8080/api/v1"
    assert doctor.mask(text) == text


def test_known_passwords_are_masked_anywhere():
    secrets = doctor.secrets_of([with_password("amqp://127.0.0.1//"), "rpc://"])
    assert secrets == {SECRET}
    assert doctor.mask(f"login with {SECRET} refused", secrets) == "login with *** refused"


def test_guest_is_no_secret_and_stays_readable():
    assert doctor.secrets_of(["amqp://guest:guest@localhost/"]) == set()


def test_a_setting_that_is_no_url_has_no_secret_to_find():
    assert doctor.secrets_of(["amqp://[broken/", "not a url"]) == set()


REDIS_1, REDIS_2 = "redis://127.0.0.1:6379/1", "redis://127.0.0.1:6379/2"


@pytest.mark.parametrize(
    ("setting", "environ", "expected"),
    [
        ("broker", {}, ("amqp://guest:guest@localhost/", "girder_worker's default")),
        ("backend", {}, ("rpc://guest:guest@localhost/", "girder_worker's default")),
        ("broker", {"GIRDER_WORKER_BROKER": REDIS_1}, (REDIS_1, "GIRDER_WORKER_BROKER")),
        (
            "broker",
            {"GIRDER_WORKER_BROKER": REDIS_1, "CELERY_BROKER_URL": REDIS_2},
            (REDIS_2, "CELERY_BROKER_URL"),
        ),
        (
            "backend",
            {"GIRDER_WORKER_BACKEND": REDIS_1, "CELERY_RESULT_BACKEND": REDIS_2},
            (REDIS_2, "CELERY_RESULT_BACKEND"),
        ),
        # Celery ignores its variable when empty; girder_worker takes its own as it is.
        (
            "broker",
            {"GIRDER_WORKER_BROKER": REDIS_1, "CELERY_BROKER_URL": ""},
            (REDIS_1, "GIRDER_WORKER_BROKER"),
        ),
    ],
    ids=[
        "broker-default",
        "backend-default",
        "girder-worker-variable",
        "celery-beats-girder-worker",
        "celery-beats-girder-worker-backend",
        "empty-celery-variable-ignored",
    ],
)
def test_settings_come_from_celery_then_girder_worker(setting, environ, expected):
    assert doctor.resolve(setting, environ) == expected


@pytest.mark.e2e
@pytest.mark.parametrize(
    "environ",
    [
        {},
        {
            "GIRDER_WORKER_BROKER": REDIS_1,
            "CELERY_BROKER_URL": REDIS_2,
            "CELERY_RESULT_BACKEND": REDIS_1,
        },
    ],
    ids=["defaults", "celery-variables"],
)
def test_girder_worker_app_resolves_as_the_doctor_says(environ):
    # A fresh interpreter: girder_worker reads its variables when its app is built.
    code = "from girder_worker.app import app; print(app.conf.broker_url, app.conf.result_backend)"
    outside = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "GIRDER_"))}
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=outside | environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    expected = [doctor.resolve(setting, environ)[0] for setting in ("broker", "backend")]
    assert run.stdout.split() == expected


def settings_results(monkeypatch, broker, **environ):
    """The setting checks for an app on broker, with only these variables set."""
    for name in (*CELERY_VARIABLES, "GIRDER_WORKER_BROKER", "GIRDER_WORKER_BACKEND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    app = Celery(broker=broker, backend="rpc://")
    checks = [doctor.broker_setting, doctor.broker_account]
    return {result.check: result for result in doctor.run(app, checks=checks)}


def test_celery_broker_url_overriding_another_broker_fails(monkeypatch):
    celery_broker = with_password("amqp://127.0.0.1:5673//")
    results = settings_results(
        monkeypatch, REDIS_1, GIRDER_WORKER_BROKER=REDIS_1, CELERY_BROKER_URL=celery_broker
    )
    setting = results["broker setting"]
    assert setting.status == doctor.FAIL
    assert "from CELERY_BROKER_URL" in setting.saw
    assert f"beats GIRDER_WORKER_BROKER={REDIS_1}" in setting.saw
    assert "unset CELERY_BROKER_URL" in setting.fix
    assert SECRET not in setting.saw + setting.fix


def test_celery_broker_url_alone_is_a_warning(monkeypatch):
    results = settings_results(monkeypatch, REDIS_1, CELERY_BROKER_URL=REDIS_2)
    assert results["broker setting"].status == doctor.WARN
    assert "set GIRDER_WORKER_BROKER instead" in results["broker setting"].fix


def test_girder_worker_broker_alone_is_ok_and_named(monkeypatch):
    results = settings_results(monkeypatch, REDIS_1, GIRDER_WORKER_BROKER=REDIS_1)
    assert results["broker setting"].status == doctor.OK
    assert results["broker setting"].saw == f"{REDIS_1} (from GIRDER_WORKER_BROKER)"


@pytest.mark.parametrize(
    "broker", ["amqp://guest:guest@localhost/", "amqp://localhost//"], ids=["named", "implied"]
)
def test_the_guest_account_is_a_warning(monkeypatch, broker):
    results = settings_results(monkeypatch, broker)
    assert results["broker account"].status == doctor.WARN
    assert "guest" in results["broker account"].saw


def test_another_account_is_ok(monkeypatch):
    results = settings_results(monkeypatch, with_password("amqp://127.0.0.1//", user="worker"))
    assert results["broker account"].status == doctor.OK


def test_raising_check_fails_and_shows_no_password():
    url = with_password("amqp://127.0.0.1//")

    def broken(ctx):
        raise ValueError(f"cannot read {url} (password {SECRET})")

    broken.check_name = "broken"
    app = Celery(broker=url, backend="rpc://")
    [result] = doctor.run(app, environ={}, checks=[broken])
    assert (result.check, result.status) == ("broken", doctor.FAIL)
    masked = with_password("amqp://127.0.0.1//", password="***")
    assert f"ValueError: cannot read {masked}" in result.saw
    assert SECRET not in result.saw


def test_within_gives_up_after_its_time():
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="no answer within 0.2 s"):
        doctor.within(0.2, lambda: time.sleep(5))
    assert time.monotonic() - started < 1


def test_report_has_one_line_per_check():
    results = [
        fake(doctor.OK, "broker setting"),
        fake(doctor.WARN, "broker account"),
        fake(doctor.FAIL, "workers"),
        fake(doctor.SKIP, "plugin tasks"),
    ]
    assert doctor.report(results).splitlines() == [
        "ok    broker setting: what it saw",
        "warn  broker account: what it saw. Fix: the fix",
        "FAIL  workers: what it saw. Fix: the fix",
        "skip  plugin tasks: what it saw",
    ]


@pytest.mark.parametrize(
    ("statuses", "code"),
    [
        ((doctor.OK, doctor.OK), 0),
        ((doctor.OK, doctor.WARN, doctor.SKIP), 0),
        ((doctor.OK, doctor.FAIL, doctor.SKIP), 1),
    ],
    ids=["all-ok", "warnings-pass", "a-failure-fails"],
)
def test_the_command_exits_0_unless_a_check_failed(monkeypatch, capsys, statuses, code):
    results = [fake(status) for status in statuses]
    monkeypatch.setattr(doctor, "run", lambda **options: results)
    assert main(["doctor"]) == code
    assert capsys.readouterr().out == doctor.report(results) + "\n"


def test_json_gives_machines_the_same_checks(monkeypatch, capsys):
    results = [fake(doctor.OK, "broker setting"), fake(doctor.FAIL, "workers")]
    monkeypatch.setattr(doctor, "run", lambda **options: results)
    assert main(["doctor", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "ok": False,
        "checks": [
            {"check": "broker setting", "status": "ok", "saw": "what it saw", "fix": "the fix"},
            {"check": "workers", "status": "fail", "saw": "what it saw", "fix": "the fix"},
        ],
    }


def test_the_command_passes_its_options_to_the_checks(monkeypatch, capsys):
    seen = {}

    def fake_run(**options):
        seen.update(options)
        return []

    monkeypatch.setattr(doctor, "run", fake_run)
    main(["doctor", "--girder-api-url", "http://girder:8080/api/v1", "--timeout", "2"])
    assert seen == {"queue": QUEUE, "api_url": "http://girder:8080/api/v1", "timeout": 2.0}
    main(["doctor", "--queue", "other"])
    assert seen["queue"] == "other"


# The e2e tests: the doctor in a process of its own, as an operator runs it.


@pytest.fixture
def run_doctor(worker_env):
    """Run ``python -m {{ cookiecutter.package_name }} doctor`` with the test broker's variables, and env."""

    def run(*args, **env):
        environment = {k: v for k, v in worker_env.items() if k not in CELERY_VARIABLES}
        command = [sys.executable, "-m", "{{ cookiecutter.package_name }}", "doctor", *args]
        started = time.monotonic()
        done = subprocess.run(
            command, env=environment | env, capture_output=True, text=True, timeout=120
        )
        done.seconds = time.monotonic() - started
        return done

    return run


def line(run, check):
    """The doctor's line for check."""
    [found] = [text for text in run.stdout.splitlines() if f"  {check}: " in text]
    return found


def failed_checks(run):
    return [text for text in run.stdout.splitlines() if text.startswith("FAIL")]


@pytest.fixture
def own_queue(worker, worker_env):
    """A queue that the session worker alone consumes, besides the plugin's.

    On a shared broker, other projects' workers may consume the plugin's queue too
    (``celery`` is everybody's default), so the doctor checks a queue of the test's own.
    """
    queue = f"doctor-{uuid.uuid4().hex[:8]}"
    app = workers.client_app(worker_env)
    try:
        [reply] = app.control.add_consumer(queue, destination=[worker.hostname], reply=True)
        assert "ok" in reply[worker.hostname], reply
        yield queue
    finally:
        app.control.cancel_consumer(queue, destination=[worker.hostname], reply=True)
        delete_queue(app, queue)
        app.close()


def delete_queue(app, queue):
    with app.connection_for_write() as connection:
        connection.default_channel.queue_delete(queue)


@pytest.mark.e2e
{% if cookiecutter.girder_plugin %}
def test_doctor_exits_0_when_the_queues_worker_has_the_plugin(
    run_doctor, own_queue, worker, boundServer
):
    run = run_doctor("--queue", own_queue, "--girder-api-url", api_url(boundServer))
{% else %}
def test_doctor_exits_0_when_the_queues_worker_has_the_plugin(run_doctor, own_queue, worker):
    run = run_doctor("--queue", own_queue)
{% endif %}
    assert run.returncode == 0, run.stdout + run.stderr
    assert failed_checks(run) == []
    checks = [text.split(":")[0].split(maxsplit=1)[1] for text in run.stdout.splitlines()]
    assert checks == [function.check_name for function in doctor.CHECKS]
    assert line(run, "workers").endswith(f": {worker.hostname}")
    assert line(run, "plugin tasks").startswith("ok")
    assert line(run, "plugin version").startswith(
        f"ok    plugin version: the probe ran on {worker.hostname}"
    )
{% if cookiecutter.girder_plugin %}
    assert line(run, "Girder API").startswith(f"ok    Girder API: {worker.hostname} reached")
{% endif %}


@pytest.fixture
def silent_port():
    """A port where something accepts connections and never says a word."""
    with closing(socket.socket()) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


@pytest.mark.e2e
@pytest.mark.parametrize("wrong", ["refused", "silent"])
def test_wrong_broker_fails_within_15_s_and_shows_no_password(run_doctor, silent_port, wrong):
    port = {"refused": 1, "silent": silent_port}[wrong]
    broker = with_password(f"amqp://127.0.0.1:{port}//")
    run = run_doctor(GIRDER_WORKER_BROKER=broker, GIRDER_WORKER_BACKEND="rpc://")
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.seconds < 15
    assert failed_checks(run) == [line(run, "broker answers")]
    masked = with_password(f"amqp://127.0.0.1:{port}//", password="***")
    assert line(run, "broker answers").startswith(f"FAIL  broker answers: {masked} does not answer")
    assert SECRET not in run.stdout + run.stderr


@pytest.mark.e2e
def test_other_celery_broker_url_fails_and_shows_no_password(run_doctor):
    run = run_doctor("--json", CELERY_BROKER_URL=with_password("amqp://127.0.0.1:1//"))
    assert run.returncode == 1, run.stdout + run.stderr
    assert SECRET not in run.stdout + run.stderr
    results = {result["check"]: result for result in json.loads(run.stdout)["checks"]}
    setting = results["broker setting"]
    assert setting["status"] == "fail"
    masked = with_password("amqp://127.0.0.1:1//", password="***")
    assert setting["saw"].startswith(f"{masked} (from CELERY_BROKER_URL)")
    assert "beats GIRDER_WORKER_BROKER" in setting["saw"]


@pytest.mark.e2e
def test_no_worker_on_the_queue_fails_naming_the_queue(run_doctor):
    queue = f"doctor-nobody-{uuid.uuid4().hex[:8]}"
    run = run_doctor("--queue", queue)
    assert run.returncode == 1, run.stdout + run.stderr
    assert failed_checks(run) == [line(run, "workers")]
    assert line(run, "workers").startswith(f"FAIL  workers: no worker consumes the queue {queue!r}")
    assert f"celery -A girder_worker.app worker -Q {queue}" in line(run, "workers")


class BareWorker(workers.Worker):
    """A worker of a Celery app without girder_worker's plugins (``bare_app`` on PYTHONPATH)."""

    def command(self):
        return [sys.executable, "-m", "celery", "-A", "bare_app", *self.worker_args()]


BARE_APP = """\
import os

from celery import Celery

from {{ cookiecutter.package_name }} import broker

app = Celery(broker=os.environ["GIRDER_WORKER_BROKER"], backend=os.environ["GIRDER_WORKER_BACKEND"])
# The embedded broker's folders, as the plugin class would set them: nothing else of the plugin.
broker.configure(app.conf)
"""


@pytest.mark.e2e
def test_worker_without_the_plugin_fails_naming_it(run_doctor, worker_env, tmp_path):
    (tmp_path / "bare_app.py").write_text(BARE_APP)
    env = worker_env | {"PYTHONPATH": str(tmp_path)}
    queue = f"doctor-bare-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "bare-worker.log"
    try:
        with workers.running_worker(
            env, log, worker_type=BareWorker, extra_args=["--queues", queue]
        ) as bare:
            run = run_doctor("--queue", queue)
    finally:
        app = workers.client_app(worker_env)
        delete_queue(app, queue)
        app.close()
    assert run.returncode == 1, run.stdout + run.stderr
    assert failed_checks(run) == [line(run, "plugin tasks")]
    assert line(run, "plugin tasks").startswith(f"FAIL  plugin tasks: {bare.hostname} lacks")
    assert doctor.PROBE_TASK in line(run, "plugin tasks")
    assert line(run, "plugin version").startswith("skip")


@pytest.mark.e2e
def test_a_girder_api_url_that_the_worker_cannot_reach_fails(run_doctor, own_queue, worker):
    unreachable = "http://127.0.0.1:1/api/v1"
    run = run_doctor("--queue", own_queue, "--girder-api-url", unreachable)
    assert run.returncode == 1, run.stdout + run.stderr
    assert failed_checks(run) == [line(run, "Girder API")]
    assert line(run, "Girder API").startswith(
        f"FAIL  Girder API: {worker.hostname} cannot reach {unreachable}: URLError"
    )
    assert "worker.api_url" in line(run, "Girder API")
{% if cookiecutter.girder_plugin %}


# The status route: the same checks, from the Girder host, for site admins only.
STATUS = "{{ cookiecutter.plugin_name }}/status"


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_the_status_route_refuses_a_user_who_is_no_admin(boundServer, user):
    with pytest.raises(HttpError) as refused:
        client(boundServer, user).get(STATUS)
    assert refused.value.status == 403


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_status_route_answers_within_5_s_with_broker_down(boundServer, admin, monkeypatch):
    from girder_worker.app import app

    monkeypatch.setitem(app.conf, "broker_url", with_password("amqp://127.0.0.1:1//"))
    started = time.monotonic()
    status = client(boundServer, admin).get(STATUS)
    assert time.monotonic() - started < 5
    assert status["ok"] is False
    results = {result["check"]: result for result in status["checks"]}
    assert list(results) == [function.check_name for function in doctor.CHECKS]
    assert results["broker answers"]["status"] == "fail"
    assert results["workers"]["status"] == "skip"
    assert SECRET not in json.dumps(status)


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_status_route_shows_the_worker_and_makes_no_job(girder, admin, worker):
    girder_client = client(girder, admin)
    jobs, tokens = job_count(), Token().collection.count_documents({})
    status = girder_client.get(STATUS)
    assert (job_count(), Token().collection.count_documents({})) == (jobs, tokens)
    results = {result["check"]: result for result in status["checks"]}
    assert results["broker answers"]["status"] == "ok", status
    # Other projects' workers of a shared broker may consume the queue too.
    assert worker.hostname in results["workers"]["saw"], status
{% endif %}
