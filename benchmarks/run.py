"""Measure the template and its default plugin, each against a baseline from the same run.

    python benchmarks/run.py [--rounds 5] [--skip-suite]

Prints a table and writes it to benchmarks/results.md. Every ratio is taken round by
round (figure and baseline measured back to back), then summarised as its median with
the min–max over rounds: these machines are noisy, absolute times are not comparable.
"""

import argparse
import ast
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from dataclasses import dataclass
from pathlib import Path

import common
from common import ROOT, batches

TASK = batches.TASK
FLOOR_TASK = "gw_floor.noop"
BARE_TASK = "bare.noop"
SEQUENCE_TASK = "gwexample.analyses.sequence.fibonacci_sequence"
PER_STEP_TASK = "gw_floor.sequence_checking_every_step"
SEQUENCE_STEPS = 1000
ROUND_TRIPS = 500
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

    def summary_row(self):
        """Median and p95 of one series of samples, against its baseline's median."""
        median, p95 = statistics.median(self.values), statistics.quantiles(self.values, n=20)[-1]
        base = statistics.median(self.baseline_values)
        return (
            f"| {self.name} | median {median:.4g} {self.unit}, p95 {p95:.4g} {self.unit} "
            f"| {self.baseline}: median {base:.4g} {self.unit} | {median / base:.3g} "
            f"| {self.target} |"
        )

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


def bake_times(scratch, rounds, peer=None):
    """The bake against an empty one-file template, and the same bake without its hooks, which
    separates what Jinja renders from what the two hook processes cost; with peer (a local
    clone of another template, such as cookiecutter-pypackage), against that template too."""
    empty = scratch / "empty-template"
    (empty / "{{cookiecutter.name}}").mkdir(parents=True)
    (empty / "cookiecutter.json").write_text('{"name": "empty"}')
    (empty / "{{cookiecutter.name}}" / "README.md").write_text("{{ cookiecutter.name }}\n")
    cases = {"ours": (ROOT, "yes"), "no hooks": (ROOT, "no"), "empty": (empty, "yes")}
    if peer is not None:
        cases["peer"] = (peer, "yes")
    times = {case: [] for case in cases}
    for i in range(rounds):
        for case, (template, hooks) in cases.items():
            out = scratch / f"bake-{i}-{case.replace(' ', '-')}"
            cli = [sys.executable, "-m", "cookiecutter", "--no-input", "--accept-hooks", hooks]
            times[case].append(timed([*cli, str(template), "-o", str(out)]))
    empty_name = "empty one-file template"
    peer_rows = []
    if peer is not None:
        peer_rows.append(
            Figure(
                "bake, cookiecutter CLI --no-input",
                f"{Path(peer).name} (its own default answers)",
                "s",
                times["ours"],
                times["peer"],
                "≤ 1.2×",
            )
        )
    return [
        *peer_rows,
        Figure(
            "bake, cookiecutter CLI --no-input",
            empty_name,
            "s",
            times["ours"],
            times["empty"],
            "≤ 1.3×",
        ),
        Figure(
            "bake with --accept-hooks no (rendering alone)",
            empty_name,
            "s",
            times["no hooks"],
            times["empty"],
            "report",
        ),
    ]


def round_trips(cases, count):
    """Round trips of each (client, queue, task) case, one call of each in turn, so that
    whatever else the machine does falls on every case alike. Median and p95 per case."""
    times = [[] for _ in cases]
    for _ in range(count):
        for case_times, (client, queue, task) in zip(times, cases, strict=True):
            start = time.perf_counter()
            client.send_task(task, args=(26,), queue=queue).get(timeout=30)
            case_times.append(time.perf_counter() - start)
    return [(statistics.median(t), statistics.quantiles(t, n=20)[-1]) for t in times]


def throughput(client, queue, task, count):
    batch = batches.Batch(client, queue, [26] * count).send(task)
    lost, wrong, seconds = batch.collect(timeout=600)
    assert lost == 0, f"{lost} tasks lost"
    return count / seconds


def worker_figures(project, python, scratch, rounds):
    """Our task, girder_worker's floor (a no-op of a minimal plugin) on the same worker, and a
    bare Celery no-op, round after round."""
    # (ours, floor, bare) for each measure
    medians, p95s, rates = ([], [], []), ([], [], []), ([], [], [])
    with (
        common.rabbitmq_worker(project, python, scratch) as (client, queue, _),
        common.rabbitmq_worker(project, python, scratch, app="bare_app") as (bare, bare_queue, _),
    ):
        cases = ((client, queue, TASK), (client, queue, FLOOR_TASK), (bare, bare_queue, BARE_TASK))
        for round_ in range(rounds):
            # Ours and the floor take turns on one worker. Bare Celery runs on its own: right
            # after a girder_worker task it would share the cores with that task's revoked-list
            # broadcast, which girder_worker sends after the result.
            paired = round_trips(cases[:2], ROUND_TRIPS) + round_trips(cases[2:], ROUND_TRIPS)
            for i, (median, p95) in enumerate(paired):
                medians[i].append(median * 1000)
                p95s[i].append(p95 * 1000)
            # Batches take turns leading, so no case always follows the same one.
            order = list(range(len(cases)))
            order = order[round_ % len(order) :] + order[: round_ % len(order)]
            for i in order:
                rates[i].append(throughput(*cases[i], BATCH))
    floor = "girder_worker floor: a minimal plugin's no-op, same worker"
    bare = "bare Celery no-op, same broker"
    return [
        Figure("round trip on RabbitMQ, median", floor, "ms", medians[0], medians[1], "≤ 1.05×"),
        Figure("round trip on RabbitMQ, p95", floor, "ms", p95s[0], p95s[1], "≤ 1.05×"),
        Figure("throughput, 2-process prefork", floor, "tasks/s", rates[0], rates[1], "≥ 0.95×"),
        Figure("floor round trip, median", bare, "ms", medians[1], medians[2], "report"),
        Figure("floor round trip, p95", bare, "ms", p95s[1], p95s[2], "report"),
        Figure("floor throughput", bare, "tasks/s", rates[1], rates[2], "report"),
    ]


def cancellation_figures(project, python, scratch, rounds):
    """The progress example's steps per second, and how soon a revoke stops it."""
    bounded, per_step, stops = [], [], []
    with common.rabbitmq_worker(project, python, scratch) as (client, queue, _):
        for _ in range(rounds):
            for task, rates in ((SEQUENCE_TASK, bounded), (PER_STEP_TASK, per_step)):
                start = time.perf_counter()
                client.send_task(task, args=(SEQUENCE_STEPS,), queue=queue).get(timeout=600)
                rates.append(SEQUENCE_STEPS / (time.perf_counter() - start))
            start = time.perf_counter()
            result = client.send_task(
                SEQUENCE_TASK, args=(600,), kwargs={"delay": 0.01}, queue=queue
            )
            time.sleep(1)
            client.control.revoke(result.id)
            numbers = result.get(timeout=60)
            assert len(numbers) < 600, "the revoke came after the task had finished"
            stops.append(time.perf_counter() - start)
    per_step_name = "the same loop checking on every step"
    return [
        Figure(
            f"fibonacci_sequence({SEQUENCE_STEPS}), steps/s, bounded cancellation check",
            per_step_name,
            "steps/s",
            bounded,
            per_step,
            "report",
        ),
        Figure(
            "600 steps of 0.01 s, revoked at 1 s: start to return",
            "the revoke's 1 s",
            "s",
            stops,
            [1.0] * len(stops),
            "≤ 2.0 s absolute",
        ),
    ]


def cold_start(project, scratch, rounds):
    """From starting the process to its "ready" line, on girder_worker's default broker, on a
    worker-only host: without Girder installed, whose own worker plugin every worker loads."""
    python = common.venvs.plugin_venv(
        scratch / "worker-only-venv", project, common.venvs.GIRDER_DISTRIBUTIONS
    )
    baked = common.harness.workers(project)
    env = baked.worker_environment(
        {"GIRDER_WORKER_BROKER": common.RABBITMQ.url, "GIRDER_WORKER_BACKEND": "rpc://"}
    )
    queue = batches.private_queue("cold-start")
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
    client = batches.client(common.RABBITMQ.url, "rpc://")
    batches.delete_queue(client, queue)
    client.close()
    return Figure(
        "worker cold start to ready, RabbitMQ",
        "python -c 'import girder_worker.app'",
        "s",
        ready,
        imports,
        "≤ 1.5 s absolute",
    )


def girder_job_figures(project, python, scratch):
    """REST route -> job SUCCESS as Girder records it, and the same task scheduled through
    worker_handler, against a bare Celery round trip measured just after."""
    shutil.copy(common.BENCHMARKS / "girder_jobs.py", project / "tests" / "bench_girder_jobs.py")
    out = scratch / "girder-jobs.json"
    env = os.environ | common.RABBITMQ.baked_test_environment() | {"GW_BENCH_OUT": str(out)}
    run, counts = common.venvs.run_pytest(python, project, "tests/bench_girder_jobs.py", env=env)
    assert counts["passed"] == 1, run.stdout[-3000:]
    times = json.loads(out.read_text())
    with common.rabbitmq_worker(project, python, scratch, app="bare_app") as (bare, queue, _):
        bare_times = [
            timed_call(lambda: bare.send_task(BARE_TASK, (26,), queue=queue).get(30))
            for _ in times["route"]
        ]
    bare_name = "bare Celery no-op round trip"
    rows = []
    for name, label in (("route", "REST route"), ("worker_handler", "worker_handler job")):
        ms = [t * 1000 for t in times[name]]
        rows.append(
            Figure(
                f"Girder {label} -> SUCCESS, per job ({len(ms)} jobs)",
                bare_name,
                "ms",
                ms,
                [t * 1000 for t in bare_times],
                "report",
            ).summary_row()
        )
    return rows


def embedded_broker_figures(project, python, scratch, jobs=10):
    """REST route -> job SUCCESS on the embedded broker, against the same on SQLite through
    SQLAlchemy (the embedded broker before, which cannot broadcast), in the baked test set-up."""
    shutil.copy(common.BENCHMARKS / "girder_jobs.py", project / "tests" / "bench_girder_jobs.py")
    common.venvs.run_uv("pip", "install", "--quiet", "--python", python, "SQLAlchemy")
    sqlite = scratch / "sqlite"
    sqlite.mkdir()
    brokers = {
        "embedded": {},
        "sqlite": {
            "GW_TEST_BROKER": f"sqla+sqlite:///{sqlite / 'broker.sqlite'}",
            "GW_TEST_BACKEND": f"db+sqlite:///{sqlite / 'results.sqlite'}",
        },
    }
    times = {}
    for name, variables in brokers.items():
        out = scratch / f"girder-jobs-{name}.json"
        env = {k: v for k, v in os.environ.items() if not k.startswith("GW_TEST_")}
        env |= variables | {"GW_BENCH_OUT": str(out), "GW_BENCH_JOBS": str(jobs)}
        run, counts = common.venvs.run_pytest(
            python, project, "tests/bench_girder_jobs.py", env=env
        )
        assert counts["passed"] == 1, run.stdout[-3000:]
        times[name] = [t * 1000 for t in json.loads(out.read_text())["route"]]
    return Figure(
        f"Girder REST route -> SUCCESS on the embedded broker, per job ({jobs} jobs)",
        "the same on SQLite (sqla+sqlite://)",
        "ms",
        times["embedded"],
        times["sqlite"],
        "≤ 500 ms",
    ).summary_row()


def embedded_batch_figure(project, python, rounds=5, size=20):
    """Tasks sent at once on the embedded broker, first send to last result: the plugin's
    worker against one with Celery's pool put-locks on (embedded_batch.py)."""
    run = common.venvs.run_python(
        python, common.BENCHMARKS / "embedded_batch.py", str(rounds), str(size), cwd=project
    )
    assert run.returncode == 0, run.stderr[-3000:]
    times = json.loads(run.stdout.splitlines()[-1])
    return Figure(
        f"{size} tasks at once on the embedded broker, first send to last result",
        "the same worker with Celery's pool put-locks on",
        "s",
        times["plugin"],
        times["put-locks"],
        "report",
    ).row()


def release_build(scratch):
    """A release of the default bake as its workflow builds it: the pages from the lock file
    (npm ci, npm run build), the sdist and the wheel from it, and their checks, in seconds."""
    project = common.baking.bake_to(scratch / "release")
    common.release.commit(project, "v1.2.3")
    started = time.perf_counter()
    common.release.build_pages(project, "gwexample")
    pages = time.perf_counter()
    dist = common.release.build(project, scratch / "release-dist")
    built = time.perf_counter()
    common.release.check(project, dist)
    done = time.perf_counter()
    parts = (
        f"pages {pages - started:.0f} s, sdist and wheel {built - pages:.0f} s, "
        f"checks {done - built:.0f} s"
    )
    name = "release build: pages, sdist, wheel, checks"
    return f"| {name} | {done - started:.0f} s ({parts}) | — | — | ≤ 60 s |"


#: The files an author writes for a task with a route and a page: before described tasks (the
#: task, its route module, its page) and since (the task's module alone).
AUTHOR_FILES = {
    "Fibonacci": (
        [
            "analyses/tasks.py",
            "girder_plugin/routes/tasks.py",
            "girder_plugin/web_client/src/pages/tasks.js",
        ],
        ["analyses/tasks.py"],
    ),
    "count_lines (girder_io)": (
        [
            "analyses/files.py",
            "girder_plugin/routes/files.py",
            "girder_plugin/web_client/src/pages/files.js",
        ],
        ["analyses/files.py"],
    ),
}


def code_lines(path):
    """Lines that hold code: no blank lines, comments or docstrings."""
    text = path.read_text()
    if path.suffix != ".py":
        return len([line for line in text.splitlines() if line.strip()[:2] not in ("", "//")])

    docstrings = set()
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        first = body[0] if isinstance(body, list) and body else None
        if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
            docstrings.update(range(first.lineno, first.end_lineno + 1))
    return sum(
        1
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.strip().startswith("#") and number not in docstrings
    )


def author_lines(scratch, before):
    """The lines an author writes for a task with a route and a page, at the template's
    revision before (a git ref) and now: every line but blank ones, and code lines alone."""
    old = scratch / "template-before"
    old.mkdir()
    archive = subprocess.run(["git", "archive", before], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", old], input=archive.stdout, check=True)
    rows = []
    for name, (before_files, after_files) in AUTHOR_FILES.items():
        counts = []
        for template, files in ((old, before_files), (ROOT, after_files)):
            out = scratch / f"authored-{len(rows)}-{len(counts)}"
            cli = [sys.executable, "-m", "cookiecutter", "--no-input", "-o", out, template]
            subprocess.run([*cli, "girder_io_task=yes"], check=True, capture_output=True)
            written = [out / "gwexample" / "gwexample" / path for path in files]
            lines = sum(
                len([line for line in p.read_text().splitlines() if line.strip()]) for p in written
            )
            counts.append((lines, sum(code_lines(path) for path in written)))
        (was, was_code), (now, now_code) = counts
        rows.append(
            f"| lines an author writes for {name} with its route and page, now against {before} "
            f"| {now} ({now_code} of code) | {was} ({was_code} of code) | {now / was:.2g} "
            f"| {'≤ 30' if name == 'Fibonacci' else 'report'} |"
        )
    return rows


def bake_size(scratch):
    """Files, and lines of text without the web client's lock file, of the default bake."""
    project = common.baking.bake_to(scratch / "size")
    files = [path for path in project.rglob("*") if path.is_file()]
    lines = sum(
        len(path.read_text().splitlines()) for path in files if path.name != "package-lock.json"
    )
    return (
        f"| default bake: files, and lines without package-lock.json | {len(files)} files, "
        f"{lines:,} lines | — | — | ≤ 45 files, ≤ 3,000 lines |"
    )


def timed_call(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def first_green(scratch, installer):
    """Bake the default answers, make a venv and install '.[test]' as the plugin README says,
    with uv or with pip, then run the suite with no broker server: the seconds from the bake to
    the suite's last line, and where they go. Both installers start from a warm cache."""
    start = time.perf_counter()
    project = common.baking.bake_to(scratch / f"first-green-{installer}")
    env_dir = project / ".venv"
    python = env_dir / "bin" / "python"
    if installer == "uv":
        subprocess.run([common.venvs.UV, "venv", "--quiet", env_dir], cwd=project, check=True)
        install = [common.venvs.UV, "pip", "install", "-q", "--python", python, "-e", ".[test]"]
    else:
        # A current pip installs the same set in two thirds of the time that 23.x, bundled with
        # Python 3.11, takes.
        venv.EnvBuilder(with_pip=True, upgrade_deps=True).create(env_dir)
        install = [python, "-m", "pip", "install", "-q", "-e", ".[test]"]
    made = time.perf_counter()
    subprocess.run(install, cwd=project, check=True, capture_output=True)
    installed = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GW_TEST_")}
    tests = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    subprocess.run(tests, cwd=project, env=env, check=True, capture_output=True)
    done = time.perf_counter()
    name = f"time to first green: bake, {installer} venv, {installer} install -e '.[test]', pytest"
    parts = (
        f"bake and venv {made - start:.0f} s, install {installed - made:.0f} s, "
        f"tests {done - installed:.0f} s"
    )
    target = "≤ 25 s" if installer == "uv" else "≤ 45 s"
    rows = [f"| {name} | {done - start:.0f} s ({parts}) | — | — | {target} |"]
    if installer == "uv":
        # The suite again, warm, as an author runs it while working: whole, then its fast tier.
        whole = timed(tests, cwd=project, env=env)
        fast = timed([*tests, "-m", "not e2e"], cwd=project, env=env)
        rows += [
            f"| default bake's pytest on the embedded broker, warm | {whole:.1f} s | — | — "
            "| ≤ 20 s |",
            f"| default bake's fast tier (`-m 'not e2e'`) | {fast:.1f} s | — | — | ≤ 3 s |",
        ]
    return rows


PIP_SETUP = (
    "python3 -m venv .venv && .venv/bin/python -m pip install -q --upgrade pip"
    " && .venv/bin/python -m pip install -q -r requirements-test.txt"
)


def setup_time(scratch):
    """scripts/test.sh on a fresh clone, up to its collected tests (uv makes .venv), against
    the set-up it replaced (python3 -m venv, pip install -r), both from warm caches."""
    clones = {}
    for name in ("uv", "pip"):
        clones[name] = scratch / f"clone-{name}"
        subprocess.run(["git", "clone", "--quiet", ROOT, clones[name]], check=True)
    seconds = timed(["bash", "scripts/test.sh", "--co", "-q"], cwd=clones["uv"])
    baseline = timed(
        ["bash", "-c", f"{PIP_SETUP} && .venv/bin/python -m pytest --co -q"], cwd=clones["pip"]
    )
    return (
        f"| scripts/test.sh set-up on a fresh clone, to collected tests | {seconds:.1f} s "
        f"| pip set-up: {baseline:.1f} s | {seconds / baseline:.2g} | ≤ 10 s |"
    )


def suite_time():
    seconds = timed(["bash", "scripts/test.sh", "-q"], cwd=ROOT)
    return (
        f"| template test suite, full run (scripts/test.sh) | {seconds:.0f} s | — | — | ≤ 180 s |"
    )


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
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--skip-suite", action="store_true", help="do not time the test suite")
    parser.add_argument(
        "--installs", action="store_true", help="only the first green (uv, pip) and set-up rows"
    )
    parser.add_argument("--bake", action="store_true", help="only the bake's size and time rows")
    parser.add_argument(
        "--embedded", action="store_true", help="only the embedded broker against SQLite"
    )
    parser.add_argument("--release", action="store_true", help="only the release build")
    parser.add_argument(
        "--authored",
        metavar="REF",
        help="only the lines an author writes for a task, against the template at REF",
    )
    parser.add_argument(
        "--peer-template",
        type=Path,
        metavar="DIR",
        help="a local clone of another template (cookiecutter-pypackage) to time the bake against",
    )
    options = parser.parse_args()
    if options.installs or options.bake:
        scratch = Path(tempfile.mkdtemp(prefix="gw-bench-"))
        if options.installs:
            rows = [*first_green(scratch, "uv"), *first_green(scratch, "pip"), setup_time(scratch)]
        else:
            bakes = bake_times(scratch, options.rounds, options.peer_template)
            rows = [bake_size(scratch), *(f.row() for f in bakes)]
        print("\n".join(rows))
        return
    if options.authored:
        print("\n".join(author_lines(Path(tempfile.mkdtemp(prefix="gw-bench-")), options.authored)))
        return
    if options.release:
        print(release_build(Path(tempfile.mkdtemp(prefix="gw-bench-"))))
        return
    if options.embedded:
        scratch = Path(tempfile.mkdtemp(prefix="gw-bench-"))
        project, python = common.baked_plugin(scratch)
        print(embedded_broker_figures(project, python, scratch))
        print(embedded_batch_figure(project, python, options.rounds))
        return
    common.require_rabbitmq()
    scratch = Path(tempfile.mkdtemp(prefix="gw-bench-"))
    project, python = common.baked_plugin(scratch)
    rows = [
        fib_cpu(python, project, options.rounds).row(),
        bake_size(scratch),
        *(f.row() for f in bake_times(scratch, options.rounds, options.peer_template)),
        *(f.row() for f in worker_figures(project, python, scratch, options.rounds)),
        *(f.row() for f in cancellation_figures(project, python, scratch, options.rounds)),
        *girder_job_figures(project, python, scratch),
        embedded_broker_figures(project, python, scratch),
        embedded_batch_figure(project, python, options.rounds),
        release_build(scratch),
        *first_green(scratch, "uv"),
        *first_green(scratch, "pip"),
        setup_time(scratch),
        cold_start(project, scratch, options.rounds).row(),
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
