"""The girder_client example: a task that reads and writes Girder data itself, with a token per job."""

{% if cookiecutter.girder_plugin %}
import json
import time
from datetime import timedelta

{% endif %}
import pytest
{% if cookiecutter.girder_plugin %}
from girder import events
from girder.constants import AccessType
from girder.models.folder import Folder
from girder.models.item import Item
from girder.models.token import Token
from girder.models.user import User
from girder_client import HttpError
from girder_jobs.constants import JobStatus
from girder_jobs.models.job import Job
from harness.girder import client, job_count, private_folder, wait_for_job
from harness.workers import taking_nothing_from
{% endif %}

{% if cookiecutter.girder_plugin %}
from {{ cookiecutter.package_name }} import QUEUE
{% endif %}
from {{ cookiecutter.package_name }}.analyses.metadata import (
{% if cookiecutter.girder_plugin %}
    GIRDER_CLIENT_SCOPES,
    METADATA_KEY,
{% endif %}
    count_lines_and_words,
    count_words_into_metadata,
)
{% if cookiecutter.girder_plugin %}
from {{ cookiecutter.package_name }}.girder_plugin.jobs import TOKEN_FIELD, TOKEN_LIFETIME_SECONDS
{% endif %}

TEXT = b"one two  three\nfour\n\n five\tsix\nseven"
COUNTS = {"lines": 4, "words": 7}
{% if cookiecutter.girder_plugin %}

pytestmark = pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
ROUTE = "{{ cookiecutter.plugin_name }}/count_words_into_metadata"
ENDS = {"success": JobStatus.SUCCESS, "error": JobStatus.ERROR, "canceled": JobStatus.CANCELED}
{% endif %}


def test_counts_match_wc_wherever_the_text_is_cut():
    """The counts are those of wc wherever the text is cut into chunks."""
    assert {"lines": TEXT.count(b"\n"), "words": len(TEXT.split())} == COUNTS
    for cut in range(len(TEXT) + 1):
        assert count_lines_and_words([TEXT[:cut], TEXT[cut:]]) == COUNTS, cut
    assert count_lines_and_words(TEXT[i : i + 1] for i in range(len(TEXT))) == COUNTS


def test_the_task_with_no_girder_client_says_what_it_needs():
    with pytest.raises(RuntimeError, match="pass girder_api_url and girder_client_token"):
        count_words_into_metadata("0" * 24, "0" * 24)
{% if cookiecutter.girder_plugin %}


def other_user():
    return User().createUser("other", "password", "Other", "User", "other@girder.test")


def file_and_item(girder, user, theirs=None):
    """notes.txt and an item to count it into: user's, but for the one theirs names, another's.

    Returns the route's parameters and the folder of the one theirs names.
    """
    owners = {"file": user, "item": user}
    if theirs is not None:
        owners[theirs] = other_user()
    folders = {name: private_folder(owner) for name, owner in owners.items()}
    source = girder.uploadFile("notes.txt", TEXT, owners["file"], folders["file"])
    target = Item().createItem("Counted", creator=owners["item"], folder=folders["item"])
    return {"fileId": source["_id"], "itemId": str(target["_id"])}, folders[theirs or "item"]


def metadata(parameters):
    return Item().load(parameters["itemId"], force=True)["meta"]


@pytest.fixture
def held_back(worker, app_on_the_test_broker):
    """Inside this block, jobs of the plugin's queue wait in the broker; they run after it."""
    return lambda: taking_nothing_from(QUEUE, worker, app_on_the_test_broker)


@pytest.fixture
def token_at_each_update():
    """[(status, whether the job's token exists)] at each update of a job, as Girder makes it."""
    seen = []

    def record(event):
        job = event.info["job"]
        token_exists = Token().findOne({"_id": job.get(TOKEN_FIELD)}) is not None
        seen.append((job["status"], token_exists))

    events.bind("jobs.job.update.after", "test-token-watch", record)
    yield seen
    events.unbind("jobs.job.update.after", "test-token-watch")


@pytest.mark.e2e
def test_counts_appear_in_the_items_metadata(girder, user, fsAssetstore):
    """The counts appear in the item's metadata, under the plugin's name."""
    parameters, _ = file_and_item(girder, user)
    job = client(girder, user).post(ROUTE, parameters=parameters)
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.SUCCESS, done["log"]
    assert metadata(parameters) == {METADATA_KEY: COUNTS}


@pytest.mark.e2e
@pytest.mark.parametrize("theirs", ["file", "item"], ids=["no-read-on-file", "no-write-on-item"])
def test_route_refuses_another_users_private_data_with_403(girder, user, fsAssetstore, theirs):
    """The route refuses another user's private file or item with 403, and makes no job."""
    parameters, _ = file_and_item(girder, user, theirs)
    before = job_count()
    with pytest.raises(HttpError) as refused:
        client(girder, user).post(ROUTE, parameters=parameters)
    assert refused.value.status == 403
    assert job_count() == before


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("theirs", "refused", "denied"),
    [("file", "403 to GET", "Read access denied"), ("item", "403 to PUT", "Write access denied")],
    ids=["no-read-on-file", "no-write-on-item"],
)
def test_token_that_lost_access_ends_in_error_writing_nothing(
    girder, user, fsAssetstore, held_back, theirs, refused, denied
):
    """A task whose token lost access ends in error with Girder's 403, and writes nothing."""
    # The route lets the job through while the other user shares their folder; the task
    # runs after they have stopped sharing it, with the token of a user who has no access.
    parameters, shared = file_and_item(girder, user, theirs)
    Folder().setUserAccess(shared, user, AccessType.WRITE, save=True)
    with held_back():
        job = client(girder, user).post(ROUTE, parameters=parameters)
        Folder().setUserAccess(shared, user, None, save=True)
    done = wait_for_job(job["_id"])
    assert done["status"] == JobStatus.ERROR, done["log"]
    log = "".join(done["log"])
    assert f"Girder answered {refused}" in log, log
    assert denied in log, log
    assert metadata(parameters) == {}


def end_the_job(outcome, job, parameters, girder_client):
    """Make the held-back job end in outcome once it may run."""
    if outcome == "error":
        Item().remove(Item().load(parameters["itemId"], force=True))
    elif outcome == "canceled":
        girder_client.put(f"job/{job['_id']}/cancel")


@pytest.mark.e2e
@pytest.mark.parametrize("outcome", ["success", "error", "canceled"])
def test_job_token_is_for_data_only_and_lives_with_the_job(
    girder, user, fsAssetstore, held_back, token_at_each_update, outcome
):
    """The job's token is the user's, for data only, and lives exactly as long as the job."""
    parameters, _ = file_and_item(girder, user)
    girder_client = client(girder, user)
    with held_back():
        job = girder_client.post(ROUTE, parameters=parameters)
        token_id = Job().load(job["_id"], force=True)[TOKEN_FIELD]
        token = Token().findOne({"_id": token_id})
        assert token["userId"] == user["_id"]
        assert sorted(token["scope"]) == sorted(GIRDER_CLIENT_SCOPES)
        assert token["expires"] - token["created"] <= timedelta(seconds=TOKEN_LIFETIME_SECONDS)
        end_the_job(outcome, job, parameters, girder_client)
    done = wait_for_job(job["_id"])
    assert done["status"] == ENDS[outcome], done["log"]
    # Girder removes the token just after it stores the end, in the same request.
    deadline = time.monotonic() + 5
    while TOKEN_FIELD in Job().load(job["_id"], force=True) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert TOKEN_FIELD not in Job().load(job["_id"], force=True)
    assert Token().findOne({"_id": token_id}) is None
    if outcome != "canceled":  # a job canceled while held back never runs
        assert (JobStatus.RUNNING, True) in token_at_each_update


@pytest.mark.e2e
@pytest.mark.parametrize("public", [False, True], ids=["private-job", "public-job"])
def test_no_other_user_sees_the_jobs_token(girder, user, admin, fsAssetstore, held_back, public):
    parameters, _ = file_and_item(girder, user)
    other = client(girder, other_user())
    with held_back():
        job = client(girder, user).post(ROUTE, parameters=parameters)
        stored = Job().load(job["_id"], force=True)
        token_id = stored[TOKEN_FIELD]
        if public:
            Job().update({"_id": stored["_id"]}, {"$set": {"public": True}})
            assert token_id not in json.dumps(other.get(f"job/{job['_id']}"))
        else:
            with pytest.raises(HttpError) as refused:
                other.get(f"job/{job['_id']}")
            assert refused.value.status == 403
        # Nor do the job's owner and site admins: no REST answer carries it.
        for reader in (user, admin):
            assert token_id not in json.dumps(client(girder, reader).get(f"job/{job['_id']}"))
    assert wait_for_job(job["_id"])["status"] == JobStatus.SUCCESS
{% endif %}
