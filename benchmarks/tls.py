"""Round trip and throughput over TLS against plain AMQP, on one RabbitMQ of the deployment kit.

    python benchmarks/tls.py [--rounds 7] [--calls 300] [--batch 500]

Bakes the deployment kit and starts its compose.yaml's RabbitMQ alone, as its own tests do:
the local image of GW_TEST_RABBITMQ_IMAGE (never pulled), the accounts of broker/accounts.py
and a certificate from a CA made on the spot (trustme), both listeners on loopback ports.
Two workers of the default plugin run on this host, one on amqp://, one on amqps:// checking
the broker against that CA (GIRDER_WORKER_BROKER_CA_FILE, which the plugin class reads), each
on a queue of its own. A client with Girder's account sends to each in the same way, over the
same kind of connection: round trips one call of each in turn, then a batch of each, the
batches taking turns to lead. Prints TLS ÷ plain, medians with the min–max over rounds, and
the CPU a task of the batches costs the client, the worker and the broker in each case.
"""

import argparse
import atexit
import importlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from functools import partial
from pathlib import Path

import common
from common import batches, harness
from run import TASK, Figure, round_trips, throughput

IMAGE = os.environ.get("GW_TEST_RABBITMQ_IMAGE", "gw-test-rabbitmq:bookworm")
WARM_UP_CALLS = 20


def baked_kit(scratch):
    """The default answers with the deployment kit, in a venv of its own; (project, python)."""
    project = common.baking.bake_to(scratch / "bake", deployment=True)
    return project, common.venvs.plugin_venv(scratch / "venv", project)


def kit_module(project, name):
    """A module of the baked project's test harness (compose, docker), loaded beside workers."""
    return importlib.import_module(f"{harness.workers(project).__package__}.{name}")


def start_broker(project, scratch, stack):
    """compose.yaml's RabbitMQ alone, with fresh accounts and certificate, published on free
    loopback ports; its variables (accounts, ports, BROKER_CA_FILE)."""
    compose = kit_module(project, "compose")
    (scratch / "broker").mkdir()
    env = compose.broker_files(scratch / "broker", ["127.0.0.1", "localhost"])
    env |= {
        "RABBITMQ_IMAGE": IMAGE,
        "BROKER_TLS_ADDRESS": "127.0.0.1",
        "BROKER_TLS_PORT": str(compose.free_port()),
        "BROKER_PORT": str(compose.free_port()),
    }
    broker = compose.Project(["compose.yaml"], env, name=f"tlsbench{os.getpid()}")
    stack.callback(broker.down)
    started = broker("up", "--detach", "--no-build", "rabbitmq")
    if started.returncode != 0:
        sys.exit(f"compose.yaml's rabbitmq did not start:\n{started.stderr[-3000:]}")
    return broker


def urls(env, account):
    """(plain, TLS) URLs of the broker for an account of broker/accounts.py."""
    login = f"{env[f'{account}_BROKER_USER']}:{env[f'{account}_BROKER_PASSWORD']}"
    return (
        f"amqp://{login}@127.0.0.1:{env['BROKER_PORT']}//",
        f"amqps://{login}@127.0.0.1:{env['BROKER_TLS_PORT']}//",
    )


def client(url, tls):
    """Girder's side: a client that sends by name, over TLS with the plugin's own settings."""
    app = batches.client(url, "rpc://")
    if tls is not None:
        app.conf.broker_use_ssl = tls
    return app


def wait_for_broker(apps, broker, timeout=120):
    """Until each client logs in: RabbitMQ opens its listeners once the accounts are loaded."""
    deadline = time.monotonic() + timeout
    for app in apps:
        while True:
            try:
                with app.connection_for_write() as connection:
                    connection.ensure_connection(max_retries=1)
                break
            except Exception as error:  # refused, reset, handshake: not up yet
                if time.monotonic() > deadline:
                    sys.exit(
                        f"the broker did not answer within {timeout} s ({error!r})\n{broker.logs()}"
                    )
                time.sleep(0.5)


def start_worker(project, python, scratch, broker_url, extra_env, stack):
    """A 2-process prefork worker of girder_worker.app on a queue of its own; (queue, the
    process ids of the worker and its pool)."""
    env = harness.workers(project).worker_environment(
        {"GIRDER_WORKER_BROKER": broker_url, "GIRDER_WORKER_BACKEND": "rpc://", **extra_env}
    )
    queue = batches.private_queue("bench-tls" if extra_env else "bench-plain")
    log = Path(tempfile.mkdtemp(dir=scratch)) / "worker.log"
    worker = harness.worker_type(project, python)(
        env, log, extra_args=["--queues", queue, "--concurrency", "2"]
    )
    stack.callback(worker.stop)
    worker.start().wait_until_ready()
    return queue, processes_of_group(worker.process.pid)


def stat_fields(pid):
    """/proc/<pid>/stat after the command's name, which may hold spaces; [] once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def processes_of_group(pgid):
    pids = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]
    return [pid for pid in pids if stat_fields(pid)[2:3] == [str(pgid)]]


def cpu_seconds(pids):
    """User and system CPU seconds the live processes pids have used, all their threads."""
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(f[11]) + int(f[12]) for f in map(stat_fields, pids) if f) / ticks


def broker_processes(broker):
    """The host's process ids of compose's RabbitMQ (the Erlang VM and its helpers)."""
    (container,) = broker("ps", "-q", "rabbitmq").stdout.split()
    listed = subprocess.run(
        ["docker", "top", container, "-o", "pid"], capture_output=True, text=True, check=True
    )
    return [int(pid) for pid in listed.stdout.split()[1:]]


def connections(broker):
    """{(account, TLS or not): count} of the broker's client connections, as RabbitMQ sees
    them: proof that each case took the way it names."""
    listed = broker(
        "exec", "-T", "rabbitmq", "rabbitmqctl", "list_connections", "-q", "user", "ssl"
    )
    if listed.returncode != 0:
        sys.exit(f"rabbitmqctl list_connections failed:\n{listed.stderr[-3000:]}")
    counts = {}
    for user, ssl in (line.split() for line in listed.stdout.splitlines()[1:]):  # less a header
        counts[user, ssl == "true"] = counts.get((user, ssl == "true"), 0) + 1
    return counts


def measure(cases, workers, broker, rounds, calls, batch):
    """Round trips (median, p95 in ms) and throughput (tasks/s), per case and round; and the
    CPU milliseconds a task of each batch cost the client, the worker and the broker, which
    share the machine's cores."""
    medians, p95s, rates = ([], []), ([], []), ([], [])
    cpu = {part: ([], []) for part in ("client", "worker", "broker")}
    round_trips(cases, WARM_UP_CALLS)  # connections, handshakes and pool processes warm
    for round_ in range(rounds):
        for i, (median, p95) in enumerate(round_trips(cases, calls)):
            medians[i].append(median * 1000)
            p95s[i].append(p95 * 1000)
        for i in (0, 1) if round_ % 2 == 0 else (1, 0):
            meters = {
                "client": time.process_time,
                "worker": partial(cpu_seconds, workers[i]),
                "broker": partial(cpu_seconds, broker),
            }
            before = {part: meter() for part, meter in meters.items()}
            rates[i].append(throughput(*cases[i], batch))
            for part, meter in meters.items():
                cpu[part][i].append((meter() - before[part]) * 1000 / batch)
        print(
            f"round {round_ + 1}: round trip {medians[1][-1]:.1f} / {medians[0][-1]:.1f} ms, "
            f"throughput {rates[1][-1]:.0f} / {rates[0][-1]:.0f} tasks/s (TLS / plain)",
            flush=True,
        )
    plain = "plain AMQP, same broker"
    return [
        Figure("round trip over TLS, median", plain, "ms", medians[1], medians[0], "≤ 1.15×"),
        Figure("round trip over TLS, p95", plain, "ms", p95s[1], p95s[0], "report"),
        Figure("throughput over TLS", plain, "tasks/s", rates[1], rates[0], "≥ 0.9×"),
        *(
            Figure(f"CPU of the {part} per task, in batches", plain, "ms", tls, clear, "report")
            for part, (clear, tls) in cpu.items()
        ),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--calls", type=int, default=300, help="round trips per case and round")
    parser.add_argument("--batch", type=int, default=500, help="tasks per batch")
    options = parser.parse_args()
    # docker stop or kill ends the run through the same clean-up as an error does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    scratch = Path(tempfile.mkdtemp(prefix="gw-bench-tls-"))
    # It holds the broker's accounts and keys: gone with the run, whatever happens.
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    project, python = baked_kit(scratch)
    sys.path.insert(0, str(project))
    plugin = importlib.import_module(project.name)
    started = time.perf_counter()
    with ExitStack() as stack:
        broker = start_broker(project, scratch, stack)
        env = broker.env
        ca = {plugin.BROKER_CA_FILE: env["BROKER_CA_FILE"]}
        plain_url, tls_url = urls(env, "GIRDER")
        apps = [client(plain_url, None), client(tls_url, plugin.broker_tls(ca))]
        for app in apps:
            stack.callback(app.close)
        wait_for_broker(apps, broker)
        worker_plain, worker_tls = urls(env, "WORKER")
        queues, workers = zip(
            start_worker(project, python, scratch, worker_plain, {}, stack),
            start_worker(project, python, scratch, worker_tls, ca, stack),
            strict=True,
        )
        print(f"broker and workers up in {time.perf_counter() - started:.1f} s", flush=True)
        figures = measure(
            [(app, queue, TASK) for app, queue in zip(apps, queues, strict=True)],
            workers,
            broker_processes(broker),
            options.rounds,
            options.calls,
            options.batch,
        )
        # Both accounts' connections are still open: each case went the way it names.
        seen = connections(broker)
        print(f"connections by (account, TLS): {seen}", flush=True)
        for account in ("WORKER", "GIRDER"):
            for tls in (False, True):
                if not seen.get((env[f"{account}_BROKER_USER"], tls)):
                    sys.exit(f"no {'TLS' if tls else 'plain'} connection of {account.lower()}")
    print(
        f"\n{IMAGE}, {options.rounds} rounds of {options.calls} round trips and a batch of "
        f"{options.batch} per case; total {time.perf_counter() - started:.0f} s\n"
    )
    print("| figure | TLS, median (min–max) | plain, median (min–max) | TLS ÷ plain | target |")
    print("|---|---|---|---|---|")
    for figure in figures:
        print(figure.row())


if __name__ == "__main__":
    main()
