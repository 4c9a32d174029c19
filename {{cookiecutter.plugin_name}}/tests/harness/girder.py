"""Girder's own test server (pytest-girder's ``boundServer``), and what tests do with it.

pytest-girder runs a real Girder server inside the test process, on a real port, so
a worker process can report back to it. Its database is an in-memory stand-in for
MongoDB, unless ``GW_TEST_MONGO_URI`` (or ``--mongo-uri``) names a real one::

    def pytest_configure(config):
        choose_the_database(config)
"""

import os
import time

import mongomock
import mongomock_ng
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.constants import TokenScope
{% endif %}
from girder.models.folder import Folder
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.models.item import Item
{% endif %}
from girder.models.setting import Setting
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.models.token import Token
{% endif %}
from girder_client import GirderClient
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job

from {{ cookiecutter.package_name }}.dev_girder import embed_the_database

from . import RESULT_TIMEOUT

#: The statuses a job ends in.
DONE = (JobStatus.SUCCESS, JobStatus.ERROR, JobStatus.CANCELED)


def choose_the_database(config):
    """A real MongoDB if one is named, the in-memory stand-in (mended for Girder 5) if not."""
    mongo_uri = os.environ.get("GW_TEST_MONGO_URI")
    if mongo_uri:
        config.option.mongo_uri = mongo_uri
    elif not any(arg.startswith("--mongo-uri") for arg in config.invocation_params.args):
        config.option.mock_db = True
    if config.option.mock_db:
        mend_the_in_memory_mongodb()


def mend_the_in_memory_mongodb():
    """The dev command's mends of the in-memory stand-in, where pytest-girder looks for them."""
    embed_the_database()
    # pytest-girder puts mongomock's client in Girder's place, which refuses Girder's codec
    # options: mongomock-ng's takes them.
    mongomock.MongoClient = mongomock_ng.MongoClient


def stop_servers_quickly():
    """Have each test's Girder server stop in milliseconds instead of half a second.

    pytest-girder starts a server for every test; its HTTP server looks for a stop request
    between waits for connections, of half a second each.
    """
    import cheroot.server

    cheroot.server.HTTPServer.expiration_interval = 0.02


def api_url(server):
    return f"http://127.0.0.1:{server.boundPort}/api/v1"


def send_workers_to(server):
    """Tell Girder to give workers this server's API as the place to report jobs to."""
    Setting().set("worker.api_url", api_url(server))


def client(server, user=None):
    """A Girder client over HTTP, logged in as user (pytest-girder's password) if given."""
    girder_client = GirderClient(apiUrl=api_url(server))
    if user is not None:
        girder_client.authenticate(user["login"], "password")
    return girder_client


def job_count():
    """How many jobs Girder holds now."""
    return Job().collection.count_documents({})


def wait_for_job(job_id, statuses=DONE, timeout=RESULT_TIMEOUT):
    """Wait for a job to reach one of statuses; return it with its log."""
    deadline = time.monotonic() + timeout
    while True:
        job = Job().load(job_id, force=True, includeLog=True)
        if job["status"] in statuses:
            return job
        if time.monotonic() > deadline:
            raise TimeoutError(f"job {job_id} is still {job['status']}: {job.get('log')}")
        time.sleep(0.05)


def private_folder(user):
    """The user's own "Private" folder, which Girder makes with every user."""
    return Folder().childFolders(user, "user", user=user, filters={"name": "Private"})[0]
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}


def run_file_route(server, user, route, content):
    """Upload content as notes.txt, run a route from it into a new item, and wait for the job.

    Returns the files that reached the item, by name. The token that the worker read and wrote
    Girder data with is gone once the job has ended: the user has no token with data scopes.
    """
    folder = private_folder(user)
    source = server.uploadFile("notes.txt", content, user, folder)
    results = Item().createItem("Results", creator=user, folder=folder)
    girder_client = client(server, user)
    parameters = {"fileId": source["_id"], "itemId": str(results["_id"])}
    job = wait_for_job(girder_client.post(route, parameters=parameters)["_id"])
    assert job["status"] == JobStatus.SUCCESS, job["log"]
    # Girder deletes the job's token as it stores the job's end, in the same request.
    data_tokens = {"userId": user["_id"], "scope": TokenScope.DATA_WRITE}
    deadline = time.monotonic() + 5
    while Token().findOne(data_tokens) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert Token().findOne(data_tokens) is None, "a token made for the job outlived it"
    return {
        file["name"]: b"".join(girder_client.downloadFileAsIterator(file["_id"]))
        for file in girder_client.listFile(str(results["_id"]))
    }
{% endif %}
