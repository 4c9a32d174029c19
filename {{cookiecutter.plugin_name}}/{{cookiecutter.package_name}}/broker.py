"""The embedded broker: a folder of files that every process on one machine shares.

``GIRDER_WORKER_BROKER=filesystem:///an/absolute/folder`` names it. It needs no server, and
it broadcasts as RabbitMQ and Redis do, which girder_worker relies on: Girder's Cancel,
``self.canceled`` and the check that follows every task all ask the workers over the broker.
Results travel on it too, with girder_worker's default result backend (``rpc://``).

It is kombu's ``filesystem://`` transport, with its folders taken from the URL: kombu reads
them from Celery's settings only, which girder_worker does not take from the environment. The
plugin class calls ``configure()`` in every process that loads it (workers, Girder, clients),
so each finds the same folders. docs/worker.md says where it stands against a real broker.
"""

import os
import uuid
from pathlib import Path
from time import monotonic
from urllib.parse import unquote, urlsplit

from kombu.transport import filesystem
from kombu.utils.json import dumps

SCHEME = "filesystem"
#: Seconds between two looks for new messages; a task's round trip takes about two.
POLLING_INTERVAL = 0.05


def is_embedded(url):
    return urlsplit(url or "").scheme == SCHEME


def folder(url):
    """The folder that a filesystem:// URL names; a ValueError that says how, if none."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.netloc or not os.path.isabs(path) or path == "/":
        raise ValueError(
            f"GIRDER_WORKER_BROKER={url!r} names no folder for the embedded broker: give its"
            " absolute path after filesystem://, as in filesystem:///home/you/broker"
        )
    return Path(path)


def transport_options(url):
    """kombu's options for the folder that url names, made if it is missing."""
    root = folder(url)
    messages = root / "messages"
    messages.mkdir(parents=True, exist_ok=True)
    return {
        # Where messages are written and read: one folder, shared by every process.
        "data_folder_in": str(messages),
        "data_folder_out": str(messages),
        # Which queues each exchange reaches, broadcasts included.
        "control_folder": str(root / "bindings"),
        "polling_interval": POLLING_INTERVAL,
    }


def configure(conf):
    """Point a Celery app's settings at the folders of its filesystem:// broker, if it has one."""
    if is_embedded(conf.broker_url):
        conf.update(
            broker_transport=f"{__name__}:Transport",
            broker_transport_options=transport_options(conf.broker_url),
        )


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        """Add a message whole: written under another name, then renamed into place.

        kombu's own writes the message file in place, and a worker that lists it half
        written stops with a JSONDecodeError. A rename within a folder is atomic.
        """
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"
        path = os.path.join(self.data_folder_out, name)
        # Readers take only names that end in ".<queue>.msg".
        with open(f"{path}.part", "wb") as part:
            part.write(dumps(payload).encode())
        os.replace(f"{path}.part", path)


class Transport(filesystem.Transport):
    Channel = Channel

    @property
    def default_connection_params(self):
        # A folder has no host: kombu would warn of each connection that it takes "localhost".
        return {}
