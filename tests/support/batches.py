"""Send a batch of tasks by name and account for every result."""

import time
import uuid
from dataclasses import dataclass, field

from celery import Celery
from celery.exceptions import TimeoutError as ResultTimeout

TASK = "gwexample.analyses.tasks.fibonacci"


def nth_fibonacci(n):
    previous, current = 0, 1
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current


def client(broker, backend):
    """A bare Celery app that sends by name, as Girder does."""
    return Celery("batch-client", broker=broker, backend=backend)


def private_queue(prefix):
    """A queue name no other test or run shares."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def delete_queue(app, queue):
    with app.connection_for_write() as connection:
        connection.default_channel.queue_delete(queue)


@dataclass
class Batch:
    app: Celery
    queue: str
    numbers: list
    results: list = field(default_factory=list)
    sent_at: float = 0.0

    def send(self, task=TASK):
        self.sent_at = time.perf_counter()
        self.results = [self.app.send_task(task, args=(n,), queue=self.queue) for n in self.numbers]
        return self

    def done(self):
        return sum(result.ready() for result in self.results)

    def wait_for(self, count, timeout):
        deadline = time.monotonic() + timeout
        while self.done() < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {self.done()} of {count} results within {timeout} s")
            time.sleep(0.01)

    def collect(self, timeout):
        """(lost, wrong, seconds since sending) once every result is in or timed out."""
        deadline = time.monotonic() + timeout
        lost = wrong = 0
        for n, result in zip(self.numbers, self.results, strict=True):
            try:
                value = result.get(timeout=max(0.1, deadline - time.monotonic()))
            except ResultTimeout:
                lost += 1
                continue
            wrong += value != nth_fibonacci(n)
        return lost, wrong, time.perf_counter() - self.sent_at
