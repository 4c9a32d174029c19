"""Make the broker's accounts: one for the workers, one for Girder, each with a random
password, neither an administrator; and a password for Flower's page.

Writes two files into the directory (default: the one of this script):

- ``definitions.json``, which compose's RabbitMQ loads at boot: names and password hashes;
- ``accounts.env``, the variables of ``compose.yaml`` and ``compose.workers.yaml``: names
  and passwords. Keep it private; a worker host needs only the ``WORKER_BROKER_*`` lines,
  the Girder host the ``GIRDER_BROKER_*`` ones.

    python broker/accounts.py
    docker compose --env-file broker/accounts.env up --detach
"""

import argparse
import base64
import hashlib
import json
import os
import secrets
import sys
from pathlib import Path

ACCOUNTS = {"WORKER_BROKER": "worker", "GIRDER_BROKER": "girder"}


def password_hash(password, salt=None):
    """RabbitMQ's rabbit_password_hashing_sha256: base64 of salt + sha256(salt + password)."""
    salt = os.urandom(4) if salt is None else salt
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()


def definitions(passwords):
    users = [
        {
            "name": name,
            "password_hash": password_hash(passwords[name]),
            "hashing_algorithm": "rabbit_password_hashing_sha256",
            "tags": [],
        }
        for name in passwords
    ]
    # Celery declares its queues, exchanges and reply queues itself: each side needs all three.
    permissions = [
        {"user": name, "vhost": "/", "configure": ".*", "write": ".*", "read": ".*"}
        for name in passwords
    ]
    return {"vhosts": [{"name": "/"}], "users": users, "permissions": permissions}


def variables(passwords):
    lines = []
    for prefix, name in ACCOUNTS.items():
        lines += [f"{prefix}_USER={name}", f"{prefix}_PASSWORD={passwords[name]}"]
    lines.append(f"FLOWER_PASSWORD={secrets.token_hex(16)}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=Path(__file__).parent)
    args = parser.parse_args(argv)
    files = [args.dir / "definitions.json", args.dir / "accounts.env"]
    # Both or neither: new passwords in one file would not match the other.
    if present := [str(path) for path in files if path.exists()]:
        print(
            f"{' and '.join(present)} exist already: remove both to make new accounts",
            file=sys.stderr,
        )
        return 1
    passwords = {name: secrets.token_hex(16) for name in ACCOUNTS.values()}
    files[0].write_text(json.dumps(definitions(passwords), indent=2) + "\n")
    # Only its owner reads the passwords.
    descriptor = os.open(files[1], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as env_file:
        env_file.write(variables(passwords))
    print(f"wrote {files[0]} and {files[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
