"""Girder 5 with this plugin, in the dev command's process.

Girder's ASGI app, served by uvicorn as ``girder serve`` serves it. Its database is a real
MongoDB (``--database``) or, by default, the in-memory stand-in that the tests use, which
lives in this process and is gone when it stops.
"""

import functools
import importlib
import logging
import os
import secrets
import shutil
import sys
import threading
import time
import traceback
from urllib.parse import urlsplit, urlunsplit

from {{ cookiecutter.package_name }} import __name__ as PACKAGE

#: Seconds a --database gets to answer.
DATABASE_TIMEOUT = 10
#: The in-memory database's name, as Girder sees it.
EMBEDDED_URI = "mongodb://embedded/girder"


def without_password(uri):
    parts = urlsplit(uri)
    if parts.password is None:
        return uri
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def database_problem(uri):
    """Why the MongoDB at uri cannot be used, or None when it answers."""
    import pymongo

    timeout_ms = DATABASE_TIMEOUT * 1000
    try:
        with pymongo.MongoClient(
            uri, serverSelectionTimeoutMS=timeout_ms, connectTimeoutMS=timeout_ms
        ) as client:
            client.admin.command("ping")
    except Exception as error:  # noqa: BLE001 - any failure means: not this database
        reason = str(error).split(",")[0].split("\n")[0]
        return (
            f"no MongoDB answered at {without_password(uri)} within {DATABASE_TIMEOUT} s"
            f" (--database): {reason}"
        )
    return None


def not_a_rebinding(record):
    return not record.getMessage().startswith("Event binding already exists")


def on_disk(module):
    """Whether the module's file, or a namespace package's folder, is still there."""
    file = getattr(module, "__file__", None)
    return any(os.path.exists(place) for place in ([file] if file else module.__path__))


def embed_the_database():
    """Girder on the in-memory stand-in, with the two mends that Girder 5 needs for it (the
    tests' Girder server takes them too)."""
    import mongomock_ng
    from girder import models
    from girder.api import rest

    # mongomock-ng's client takes Girder's codec options (time-zone-aware dates).
    models.pymongo.MongoClient = mongomock_ng.MongoClient
    # Girder filters list results only when it knows their cursor type.
    rest._MONGO_CURSOR_TYPES = (*rest._MONGO_CURSOR_TYPES, mongomock_ng.collection.Cursor)
    # Its writes change a stored document in place, in steps: two threads writing one document
    # at once (Girder's scheduler, a worker's status report) could fail or lose a change. One
    # write at a time, as a database server applies them.
    collection = mongomock_ng.collection.Collection
    if not hasattr(collection, "one_write_at_a_time"):
        collection.one_write_at_a_time = threading.RLock()
        for name in ("_insert", "_update", "_find_and_modify", "_delete"):
            setattr(collection, name, one_at_a_time(getattr(collection, name)))


def one_at_a_time(write):
    @functools.wraps(write)
    def locked(self, *args, **kwargs):
        with self.one_write_at_a_time:
            return write(self, *args, **kwargs)

    return locked


#: Names the admin's password, when the command makes the account: not an option, as the
#: command lines of a machine's processes are anybody's to read.
PASSWORD_VARIABLE = "DEV_ADMIN_PASSWORD"


class Girder:
    """Girder, serving on host and port; its uploads go in files, and say() tells the user."""

    def __init__(self, host, port, files, say, database=None, admin="admin"):
        self.host = host
        self.port = port
        self.files = files
        self.say = say
        self.database = database
        self.admin = admin
        self.password = os.environ.get(PASSWORD_VARIABLE)
        self.info = None

    @property
    def url(self):
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{host}:{self.port}"

    def serve(self):
        """Serve Girder until Ctrl-C or SIGTERM."""
        # Read when Girder's modules load, so set first.
        os.environ["GIRDER_SERVER_MODE"] = "development"
        os.environ["GIRDER_MONGO_URI"] = self.database or EMBEDDED_URI
        # Workers report jobs to this server (Girder reads any setting from GIRDER_SETTING_*).
        os.environ["GIRDER_SETTING_WORKER_API_URL"] = f"{self.url}/api/v1"
        from girder.utility import config

        config.getConfig()["database"]["uri"] = os.environ["GIRDER_MONGO_URI"]
        if self.database is None:
            embed_the_database()
        from girder.asgi import app
        from girder.wsgi import info

        self.info = info
        account = self.make_admin()
        if self.database is None:
            # The files of a database that is gone with the last run.
            shutil.rmtree(self.files / "assetstore", ignore_errors=True)
        self.make_assetstore(self.files / "assetstore")
        if self.database is None:
            self.say("database: embedded, in memory; its data is gone when this command stops")
        else:
            self.say(f"database: {without_password(self.database)}")
        import uvicorn

        server = uvicorn.Server(
            uvicorn.Config(
                app,
                host=self.host,
                port=self.port,
                log_level="warning",
                server_header=False,
                date_header=False,
                # Open pages hold a websocket each; they do not keep the server from stopping.
                timeout_graceful_shutdown=2,
            )
        )
        # The address is printed once it answers: a browser opened on it then finds Girder.
        threading.Thread(target=self.announce, args=(server, account), daemon=True).start()
        server.run()

    def announce(self, server, account):
        while not (server.started or server.should_exit):
            time.sleep(0.05)
        if server.started:
            self.say(f"Girder: {self.url}  ({account}); Ctrl-C stops everything")

    def make_admin(self):
        """The admin account, made unless it exists; says how to log in."""
        from girder.models.user import User

        if User().findOne({"login": self.admin}) is not None:
            return f"log in as {self.admin}, an account of this database"
        password = self.password or secrets.token_urlsafe(9)
        User().createUser(
            login=self.admin,
            password=password,
            firstName="Dev",
            lastName="Admin",
            email=f"{self.admin}@example.com",
            admin=True,
        )
        if self.password:
            return f"log in as {self.admin} with the password of {PASSWORD_VARIABLE}"
        return f"log in as {self.admin} with password {password}"

    def make_assetstore(self, root):
        """A directory assetstore for uploads, unless the database has one."""
        from girder.models.assetstore import Assetstore

        if Assetstore().findOne() is None:
            root.mkdir(parents=True, exist_ok=True)
            Assetstore().createFilesystemAssetstore(name="dev", root=str(root))

    def reload_routes(self):
        """Re-import the task and route modules and mount the new routes in the running Girder.

        The database stays as it is. On an error the old routes stay, and it is printed.
        """
        plugin = f"{PACKAGE}.girder_plugin"
        from girder.api import docs
        from girder_worker.app import app

        try:
            # A file saved a moment ago may be newer than what the import system last listed.
            importlib.invalidate_caches()
            names = sorted(
                name
                for name in sys.modules
                if name.startswith((f"{PACKAGE}.analyses.", f"{plugin}."))
            )
            # Deleted, with what lies below: their tasks and routes go below, and a new file of
            # that name is imported afresh.
            gone = tuple(name for name in names if not on_disk(sys.modules[name]))
            for name in [name for name in names if name.startswith(gone)]:
                names.remove(name)
                del sys.modules[name]
            # What the tasks import, the tasks, then what imports them: the plugin's modules,
            # jobs first, which the others import.
            tasks = [name for name in names if ".analyses." in name]
            modules = [name for name in names if name.startswith(f"{plugin}.")]
            modules.sort(key=lambda name: name != f"{plugin}.jobs")
            order = [f"{PACKAGE}.described", *tasks, *modules]
            # Celery keeps the first callable of a task name: forget the old ones, so that the
            # reloaded modules register theirs (their titles and checks, as the worker has them).
            for task in [task for task in app.tasks if task.startswith(f"{PACKAGE}.analyses.")]:
                app.tasks.unregister(task)
            for name in order:
                importlib.reload(sys.modules[name])
            resource = sys.modules[plugin]
            # Girder keeps the API docs of a route until the resource's go.
            docs.routes.pop(resource.RESOURCE_NAME, None)
            setattr(self.info["apiRoot"], resource.RESOURCE_NAME, resource.TaskRoutes())
            # Binding an event again replaces the old handler, as meant here: no warning.
            events_log = logging.getLogger("girder.events")
            events_log.addFilter(not_a_rebinding)
            try:
                for module in resource.modules():
                    if hasattr(module, "load"):
                        module.load(self.info)
            finally:
                events_log.removeFilter(not_a_rebinding)
        except Exception:  # noqa: BLE001 - a broken save must not stop the server
            traceback.print_exc()
            print("dev: the routes did not reload (error above); the old ones stay", flush=True)
            return False
        return True
