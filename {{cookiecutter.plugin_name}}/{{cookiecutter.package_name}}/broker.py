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
from queue import Empty
from time import monotonic
from urllib.parse import unquote, urlsplit

from kombu.transport import filesystem
from kombu.utils.json import dumps, loads

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
    """kombu's options for the folder that url names, made if it is missing: its owner's alone,
    as messages carry Girder tokens."""
    root = folder(url)
    messages = root / "messages"
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    messages.mkdir(exist_ok=True, mode=0o700)
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
            # Celery polls this broker, and by default its worker then waits for a free pool
            # process before it hands on a task it has taken, answering no broadcast meanwhile:
            # a task asking its worker (girder_worker does after each task, self.canceled too)
            # waited out its 1 s timeout whenever others queued behind it.
            worker_pool_putlocks=False,
        )


class Channel(filesystem.Channel):
    """kombu's, with each message written and taken by renames within the folder.

    kombu's own writes a message file in place, and a worker that lists it half written stops
    with a JSONDecodeError; it takes one by moving it to the shared temporary directory, which
    anyone may read, and which copies it where that is another file system. A rename within a
    folder is atomic: one reader takes a message, whole.
    """

    def _put(self, queue, payload, **kwargs):
        # Oldest first, as readers sort the names as text: the milliseconds, zero-padded.
        name = f"{round(monotonic() * 1000):015d}_{uuid.uuid4()}.{queue}.msg"
        path = os.path.join(self.data_folder_out, name)
        # Readers take only names that end in ".<queue>.msg".
        with os.fdopen(os.open(f"{path}.part", os.O_WRONLY | os.O_CREAT, 0o600), "wb") as part:
            part.write(dumps(payload).encode())
        os.replace(f"{path}.part", path)

    def _get(self, queue):
        for name in sorted(os.listdir(self.data_folder_in)):
            if name.partition(".")[2] != f"{queue}.msg":
                continue
            path = os.path.join(self.data_folder_in, name)
            try:
                os.rename(path, f"{path}.taken")
            except FileNotFoundError:
                continue  # another reader took it
            with open(f"{path}.taken", encoding="utf-8") as message:
                payload = message.read()
            os.remove(f"{path}.taken")
            return loads(payload)
        raise Empty()


class Transport(filesystem.Transport):
    Channel = Channel

    @property
    def default_connection_params(self):
        # A folder has no host: kombu would warn of each connection that it takes "localhost".
        return {}
