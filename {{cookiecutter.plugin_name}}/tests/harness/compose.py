"""The deployment kit's compose files, run as projects of a test's own.

A project has a name of its own, runs ``docker compose`` (or ``docker-compose``) on its files
with the variables it was given, and, at ``down()``, goes with all it started::

    broker = Project(["compose.yaml"], env)
    broker("up", "--detach", "rabbitmq")
    ...
    broker.down()

``broker_files`` makes what compose.yaml's RabbitMQ reads: its accounts, from
``broker/accounts.py``, and a TLS certificate from a CA made on the spot (trustme).
"""

import os
import socket
import subprocess
import sys
import uuid

from . import PROJECT_ROOT
from .docker import compose_command


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_env_file(path):
    lines = path.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def broker_files(directory, names):
    """Accounts and a certificate for the broker, in directory; returns the variables that
    point compose.yaml at them, the accounts' variables and the CA's file (``BROKER_CA_FILE``)."""
    import trustme

    accounts = [
        sys.executable,
        str(PROJECT_ROOT / "broker" / "accounts.py"),
        "--dir",
        str(directory),
    ]
    subprocess.run(accounts, check=True, capture_output=True, timeout=60)
    tls = directory / "tls"
    tls.mkdir()
    ca = trustme.CA()
    certificate = ca.issue_cert(*names)
    certificate.cert_chain_pems[0].write_to_path(str(tls / "server.pem"))
    certificate.private_key_pem.write_to_path(str(tls / "server.key"))
    ca.cert_pem.write_to_path(str(directory / "ca.pem"))
    # RabbitMQ reads them as a user of its own; these are throw-away files of one test run.
    for path in (tls, *tls.iterdir(), directory / "definitions.json"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    return {
        **read_env_file(directory / "accounts.env"),
        "BROKER_DEFINITIONS": str(directory / "definitions.json"),
        "BROKER_TLS_DIR": str(tls),
        "BROKER_CA_FILE": str(directory / "ca.pem"),
    }


def other_ca(directory):
    """The certificate of a CA that signed nothing of the broker's."""
    import trustme

    path = directory / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(path))
    return path


class Project:
    """``docker compose`` on files of the project, as a project with a name of its own."""

    def __init__(self, files, env, name=None):
        self.name = name or f"test{uuid.uuid4().hex[:8]}"
        self.env = {**os.environ, **env, "COMPOSE_PROJECT_NAME": self.name}
        self.command = compose_command()
        for file in files:
            self.command += ["--file", str(PROJECT_ROOT / file)]  # an absolute path stays
        # Relative paths in the files are the project's, wherever another file lives.
        self.command += ["--project-directory", str(PROJECT_ROOT)]

    def __call__(self, *args, timeout=300, **changes):
        return subprocess.run(
            [*self.command, *args],
            env={**self.env, **changes},
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def must(self, *args, **changes):
        """Run a command that must succeed; its output."""
        run = self(*args, **changes)
        assert run.returncode == 0, f"{' '.join(args)}: {run.stderr[-3000:]}"
        return run.stdout

    def containers(self, engine, service):
        labels = [
            f"com.docker.compose.project={self.name}",
            f"com.docker.compose.service={service}",
        ]
        return engine.containers.list(all=True, filters={"label": labels})

    def logs(self, tail=40):
        return self("logs", "--tail", str(tail)).stdout

    def down(self):
        # Nothing in a test's project is worth a grace period: kill, then remove.
        self("down", "--volumes", "--timeout", "0")
