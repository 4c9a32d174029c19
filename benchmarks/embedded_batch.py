"""Tasks sent at once on the embedded broker, with the plugin's settings and with Celery's pool
put-locks back on (the embedded broker before its workers answered while tasks queue up).

The benchmarks run this file with a baked project's venv, in the project, so that the worker
and the client take the plugin's settings as they do there. It prints the seconds from the
first send to the last result, with a worker started afresh each round, as JSON:
{"plugin": [...], "put-locks": [...]}.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, "tests")
from gwexample import QUEUE  # noqa: E402
from harness import workers  # noqa: E402

# The baseline worker's app: girder_worker's, configured by the plugin, then put-locks on.
PUT_LOCKS_APP = """
from girder_worker.app import app
app.conf.worker_pool_putlocks = True
"""


def batch_seconds(app_module, scratch, size):
    class Worker(workers.Worker):
        def command(self):
            return [sys.executable, "-m", "celery", "-A", app_module, *self.worker_args()]

    broker = workers.broker_environment(scratch / f"{app_module}-broker")
    env = workers.worker_environment(broker)
    env["PYTHONPATH"] = f"tests:{scratch}"
    args = {"extra_args": ["--queues", QUEUE, "--include", "harness.tasks"]}
    with workers.running_worker(env, scratch / f"{app_module}.log", Worker, **args):
        client = workers.client_app(broker)
        started = time.monotonic()
        sent = [client.send_task("harness.tasks.worker_name", queue=QUEUE) for _ in range(size)]
        for result in sent:
            result.get(timeout=120)
        seconds = time.monotonic() - started
        client.close()
    return seconds


def main(rounds=int(sys.argv[1]), size=int(sys.argv[2])):
    scratch = Path(tempfile.mkdtemp(prefix="gw-batch-"))
    (scratch / "put_locks_app.py").write_text(PUT_LOCKS_APP)
    times = {"plugin": [], "put-locks": []}
    # Taking turns, so that both see the machine alike.
    for _ in range(rounds):
        times["plugin"].append(batch_seconds("girder_worker.app", scratch, size))
        times["put-locks"].append(batch_seconds("put_locks_app", scratch, size))
    print(json.dumps(times))


if __name__ == "__main__":
    main()
