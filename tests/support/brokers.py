"""The brokers the end-to-end tests run a worker on.

RabbitMQ and Redis are real servers, found at their standard loopback ports or at
the URL in their variable. The plugin's embedded broker (files in a folder) needs no
server, so at least that case runs on every machine.
"""

import os
import socket
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import pytest


@dataclass(frozen=True)
class Broker:
    name: str
    variable: str | None = None
    default_url: str | None = None
    backend: str | None = None
    database: int | None = None

    @property
    def url(self):
        url = os.environ.get(self.variable, self.default_url) if self.variable else None
        if url is None or self.database is None:
            return url
        return urlsplit(url)._replace(path=f"/{self.database}").geturl()

    def in_database(self, number):
        """The same Redis server, in database number: runs in different databases share no
        queue and no broadcast, so they may run side by side."""
        return replace(self, database=number)

    def baked_test_environment(self):
        """The variables that point a baked project's tests at this broker."""
        if self.url is None:
            return {}
        return {"GW_TEST_BROKER": self.url, "GW_TEST_BACKEND": self.backend or self.url}

    def require(self):
        """Skip (or, with GW_TEST_REQUIRE_BROKERS=1, fail) when the server does not answer."""
        if self.url is None or reachable(self.url):
            return
        message = f"{self.name} does not answer at {self.url}; set {self.variable} to one that does"
        if os.environ.get("GW_TEST_REQUIRE_BROKERS") == "1":
            pytest.fail(message)
        pytest.skip(message)


def without_test_brokers():
    """Our environment, less any GW_TEST_BROKER/BACKEND that would redirect a baked test."""
    return {k: v for k, v in os.environ.items() if k not in ("GW_TEST_BROKER", "GW_TEST_BACKEND")}


def reachable(url, timeout=1.0):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=timeout):
            return True
    except OSError:
        return False


EMBEDDED = Broker("embedded")
RABBITMQ = Broker("rabbitmq", "GW_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672//", "rpc://")
REDIS = Broker("redis", "GW_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ALL = (EMBEDDED, RABBITMQ, REDIS)
