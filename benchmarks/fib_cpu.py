"""CPU of fibonacci(26) inside the baked task against the seed's recursive task.

Run with the python of a venv that has the default bake installed; prints JSON.
"""

import json
import sys
import time

from girder_worker.app import app
from gwexample.analyses.tasks import fibonacci


# The seed's version: every step recurses through the task object.
@app.task(name="seed.fibonacci")
def seed_fibonacci(n):
    if n == 1 or n == 2:
        return 1
    return seed_fibonacci(n - 1) + seed_fibonacci(n - 2)


def cpu_seconds(call, repeat):
    start = time.process_time()
    for _ in range(repeat):
        call()
    return (time.process_time() - start) / repeat


def main(rounds):
    assert seed_fibonacci(26) == fibonacci(26) == 121393
    seed = [cpu_seconds(lambda: seed_fibonacci(26), 1) for _ in range(rounds)]
    baked = [cpu_seconds(lambda: fibonacci(26), 20_000) for _ in range(rounds)]
    json.dump({"seed": seed, "baked": baked}, sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
