"""The plugin's tasks go to their own queue, and only workers of that queue run them."""

import importlib
import subprocess
import sys
import uuid

import pytest
from celery import Celery
from girder_worker.app import app

from {{ cookiecutter.package_name }} import QUEUE, TASK_ROUTES, {{ cookiecutter.plugin_class }}, with_our_routes
from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci


def test_plugin_adds_its_route_beside_others_once():
    """The plugin adds its route beside other plugins' routes, once."""
    app = Celery()
    app.conf.task_routes = {"other.*": {"queue": "other"}}
    {{ cookiecutter.plugin_class }}(app)
    {{ cookiecutter.plugin_class }}(app)
    assert app.conf.task_routes == {"other.*": {"queue": "other"}, **TASK_ROUTES}


def test_routes_as_a_list_keep_their_order_and_gain_ours_once():
    routes = [{"other.*": {"queue": "other"}}]
    assert with_our_routes(with_our_routes(routes)) == [*routes, TASK_ROUTES]


def test_every_task_sent_by_name_goes_to_the_plugin_queue(client):
    for module in {{ cookiecutter.plugin_class }}(Celery()).task_imports():
        importlib.import_module(module)
    names = [name for name in app.tasks if name.startswith("{{ cookiecutter.package_name }}.")]
    assert fibonacci.name in names
    assert {client.amqp.router.route({}, name)["queue"].name for name in names} == {QUEUE}


@pytest.mark.e2e
def test_worker_app_keeps_the_route_after_girder_worker_setup():
    """The worker app keeps the route after girder_worker configures it."""
    probe = "from girder_worker.app import app; print(app.conf.task_routes)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(TASK_ROUTES)


@pytest.mark.e2e
def test_only_a_worker_of_the_plugin_queue_receives_the_task(worker, client, start_worker):
    # A queue of this test's own: a default-queue worker of some other project on a
    # shared broker would take (and fail) this project's messages.
    other = f"not-{QUEUE}-{uuid.uuid4().hex[:8]}"
    idle = start_worker("--queues", other)
    try:
        result = client.send_task(fibonacci.name, args=(26,))
        # Sent by name, as Girder sends it, the task reaches the plugin queue's worker.
        assert result.get(timeout=60) == 121393
        assert f"{fibonacci.name}[{result.id}] received" in worker.log(), worker.log_tail()
        assert result.id not in idle.log(), idle.log_tail()
    finally:
        with client.connection_for_write() as connection:
            connection.default_channel.queue_delete(other)
