"""Measure the template and its default plugin, each against a baseline from the same run.

    python benchmarks/run.py [--rounds 5] [--skip-suite]

Prints a table and writes it to benchmarks/results.md. Every ratio is taken round by
round (figure and baseline measured back to back), then summarised as its median with
the min–max over rounds: these machines are noisy, absolute times are not comparable.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import common
from common import ROOT, load

TASK = load.TASK
ROUND_TRIPS = 100
BATCH = 1000


@dataclass
class Figure:
    name: str
    baseline: str
    unit: str
    values: list
    baseline_values: list
    target: str

    def ratios(self):
        return [v / b for v, b in zip(self.values, self.baseline_values, strict=True)]

    def row(self):
        def spread(xs):
            return f"{statistics.median(xs):.4g} ({min(xs):.4g}–{max(xs):.4g})"

        baseline = f"{self.baseline}: {spread(self.baseline_values)} {self.unit}"
        return (
            f"| {self.name} | {spread(self.values)} {self.unit} | {baseline} "
            f"| {spread(self.ratios())} | {self.target} |"
        )


def timed(command, **options):
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **options)
    return time.perf_counter() - start


def fib_cpu(python, project, rounds):
    out = subprocess.run(
        [python, common.BENCHMARKS / "fib_cpu.py", str(rounds)],
        cwd=project,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(out.stdout)
    return Figure(
        "fibonacci(26) CPU in the task",
        "seed's recursive task",
        "s",
        data["baked"],
        data["seed"],
        "≤ 1/1000",
    )


def bake_time(scratch, rounds):
    empty = scratch / "empty-template"
    (empty / "{{cookiecutter.name}}").mkdir(parents=True)
    (empty / "cookiecutter.json").write_text('{"name": "empty"}')
    (empty / "{{cookiecutter.name}}" / "README.md").write_text("{{ cookiecutter.name }}\n")
    ours, floor = [], []
    for i in range(rounds):
        for template, times in ((ROOT, ours), (empty, floor)):
            out = scratch / f"bake-{i}-{len(times)}-{template.name}"
            cli = [
                sys.executable,
                "-m",
                "cookiecutter",
                "--no-input",
                str(template),
                "-o",
                str(out),
            ]
            times.append(timed(cli))
    return Figure(
        "bake, cookiecutter CLI --no-input", "empty one-file template", "s", ours, floor, "≤ 1.3×"
    )


def round_trips(client, queue, task, count):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        client.send_task(task, args=(26,), queue=queue).get(timeout=30)
        times.append(time.perf_counter() - start)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def throughput(client, queue, task, count):
    batch = load.Batch(client, queue, [26] * count).send(task)
    lost, wrong, seconds = batch.collect(timeout=600)
    assert lost == 0, f"{lost} tasks lost"
    return count / seconds


def worker_figures(project, python, scratch, rounds):
    medians, p95s, rates = ([], []), ([], []), ([], [])
    with (
        common.rabbitmq_worker(project, python, scratch) as (client, queue, _),
        common.rabbitmq_worker(project, python, scratch, app="bare_app") as (bare, bare_queue, _),
    ):
        for _ in range(rounds):
            for i, (c, q, task) in enumerate(
                ((client, queue, TASK), (bare, bare_queue, "bare.noop"))
            ):
                median, p95 = round_trips(c, q, task, ROUND_TRIPS)
                medians[i].append(median * 1000)
                p95s[i].append(p95 * 1000)
                rates[i].append(throughput(c, q, task, BATCH))
    base = "bare Celery no-op, same broker and worker"
    return [
        Figure("round trip on RabbitMQ, median", base, "ms", *medians, "≤ 1.2×"),
        Figure("round trip on RabbitMQ, p95", base, "ms", *p95s, "≤ 1.2×"),
        Figure("throughput, 2-process prefork, RabbitMQ", base, "tasks/s", *rates, "≥ 0.8×"),
    ]


def cold_start(project, python, scratch, rounds):
    """From starting the process to its "ready" line, on girder_worker's default broker."""
    baked = common.harness.load(project)
    env = baked.worker_environment(
        {"GIRDER_WORKER_BROKER": common.RABBITMQ.url, "GIRDER_WORKER_BACKEND": "rpc://"}
    )
    queue = load.private_queue("cold-start")
    worker_type = common.harness.worker_type(project, python)
    ready, imports = [], []
    for i in range(rounds):
        start = time.perf_counter()
        log = scratch / f"cold-{i}.log"
        worker = worker_type(env, log, extra_args=["--queues", queue]).start()
        try:
            worker.wait_until_ready()
            ready.append(time.perf_counter() - start)
        finally:
            worker.stop()
        imports.append(timed([python, "-c", "import girder_worker.app"], env=env))
    client = load.client(common.RABBITMQ.url, "rpc://")
    load.delete_queue(client, queue)
    client.close()
    return Figure(
        "worker cold start to ready, RabbitMQ",
        "python -c 'import girder_worker.app'",
        "s",
        ready,
        imports,
        "≤ 1.5 s absolute",
    )


def suite_time():
    seconds = timed([sys.executable, "-m", "pytest", "-n", "auto", "-q"], cwd=ROOT)
    return f"| template test suite, full run, 2 cores | {seconds:.0f} s | — | — | ≤ 180 s |"


def machine():
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-suite", action="store_true", help="do not time the test suite")
    options = parser.parse_args()
    common.require_rabbitmq()
    scratch = Path(tempfile.mkdtemp(prefix="gw-bench-"))
    project, python = common.baked_plugin(scratch)
    rows = [
        fib_cpu(python, project, options.rounds).row(),
        bake_time(scratch, options.rounds).row(),
        *(f.row() for f in worker_figures(project, python, scratch, options.rounds)),
        cold_start(project, python, scratch, options.rounds).row(),
    ]
    if not options.skip_suite:
        rows.append(suite_time())
    table = "\n".join(
        [
            "| figure | measured, median (min–max) | baseline, median (min–max) | ratio | target |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    report = f"# Benchmark results\n\n{machine()}; {options.rounds} rounds.\n\n{table}\n"
    print(report)
    (common.BENCHMARKS / "results.md").write_text(report)


if __name__ == "__main__":
    main()
