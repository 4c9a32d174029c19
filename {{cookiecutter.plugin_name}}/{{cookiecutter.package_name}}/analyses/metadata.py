"""A task that reads and writes Girder data itself, through ``self.girder_client``.

girder_worker builds ``self.girder_client`` for each run of a bound task from two headers
of its message, ``girder_api_url`` and ``girder_client_token``. A ``.delay()`` inside a
Girder request attaches the API URL, but its default token may only create jobs, so the
caller passes a token that may read and write data{% if cookiecutter.girder_plugin %} (the route that Girder makes from the
description makes one per job, with the scopes that ``girder_client_scopes`` names){% endif %}.
Outside Girder, pass both::

    count_words_into_metadata.delay(
        file_id,
        item_id,
        girder_api_url="https://girder.example.org/api/v1",
        girder_client_token=token,
    )
"""

from girder_client import HttpError
from girder_worker.app import app
from girder_worker.utils import girder_job
from girder_worker.utils.decorators import argument

from {{ cookiecutter.package_name }}.described import Described, GirderFile, GirderItem

#: The metadata key of the item that receives the counts.
METADATA_KEY = "{{ cookiecutter.plugin_name }}"
#: All the task does with Girder: download a file, set an item's metadata (Girder's
#: TokenScope.DATA_READ and DATA_WRITE: a worker has no Girder to import them from).
GIRDER_CLIENT_SCOPES = ("core.data.read", "core.data.write")


def count_lines_and_words(chunks):
    """The lines and words of text that arrives in chunks of bytes, counted as ``wc`` does."""
    lines = words = 0
    in_word = False
    for chunk in chunks:
        if not chunk:
            continue
        lines += chunk.count(b"\n")
        words += len(chunk.split())
        if in_word and not chunk[:1].isspace():
            words -= 1  # the previous chunk's last word goes on in this one
        in_word = not chunk[-1:].isspace()
    return {"lines": lines, "words": words}


@girder_job(
    title="Word count into metadata",
    type="{{ cookiecutter.package_name }}.count_words_into_metadata",
)
@app.task(
    base=Described,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    girder_client_scopes=GIRDER_CLIENT_SCOPES,
)
@argument("file_id", GirderFile, id="fileId", download=False, help="The file to count.")
@argument("item_id", GirderItem, id="itemId", access="write", help="The item to note it in.")
def count_words_into_metadata(self, file_id, item_id):
    """Count the lines and words of a Girder file; set them as metadata of a Girder item.

    Returns the counts. When Girder refuses a call (401, 403, 404), the task fails with
    Girder's answer, and the item is left as it was.
    """
    if self.girder_client is None:
        raise RuntimeError(
            "count_words_into_metadata calls Girder: run it from Girder, or pass "
            "girder_api_url and girder_client_token to .delay()"
        )
    try:
        # Streamed from Girder as it is counted: no copy of the file on the worker.
        counts = count_lines_and_words(self.girder_client.downloadFileAsIterator(file_id))
        self.girder_client.addMetadataToItem(item_id, {METADATA_KEY: counts})
    except HttpError as error:
        # Celery cannot pickle an HttpError whole: it would report it without Girder's answer.
        raise RuntimeError(
            f"Girder answered {error.status} to {error.method.upper()} {error.url}: "
            f"{error.responseText}"
        ) from None
    return counts
