"""Send many fibonacci tasks through RabbitMQ to a 2-process prefork worker of the
default plugin and account for every one.

    python benchmarks/stress.py [--count 10000]

Prints lost / wrong / throughput; exits 1 if any task was lost or wrong.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import common
from common import batches


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--max-tasks-per-child",
        type=int,
        help="recycle each pool process after this many tasks (celery worker option)",
    )
    options = parser.parse_args()
    common.require_rabbitmq()
    scratch = Path(tempfile.mkdtemp(prefix="gw-stress-"))
    project, python = common.baked_plugin(scratch)
    numbers = [1 + i % 1000 for i in range(options.count)]
    extra = ["--max-tasks-per-child", str(options.max_tasks_per_child)] * bool(
        options.max_tasks_per_child
    )
    with common.rabbitmq_worker(project, python, scratch, extra_args=extra) as (client, queue, _):
        print(f"sending {options.count} tasks to queue {queue}", flush=True)
        batch = batches.Batch(client, queue, numbers).send()
        lost, wrong, seconds = batch.collect(timeout=120 + options.count / 20)
    print(
        f"sent={options.count} lost={lost} wrong={wrong} seconds={seconds:.1f} "
        f"throughput={options.count / seconds:.0f} tasks/s"
    )
    return 1 if lost or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
