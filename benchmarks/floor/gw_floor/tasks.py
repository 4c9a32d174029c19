"""Tasks that cost girder_worker's share and nothing more."""

import time

from girder_worker.app import app


@app.task(name="gw_floor.noop")
def noop(n):
    return n


@app.task(bind=True, name="gw_floor.sequence_checking_every_step")
def sequence_checking_every_step(self, n, delay=0.0):
    """The plugin's progress example as it would be with a cancellation check on every step."""
    from gwexample.analyses.tasks import nth_fibonacci  # the benchmarks bake the default names

    numbers = []
    for i in range(1, n + 1):
        if self.canceled:
            break
        numbers.append(nth_fibonacci(i))
        time.sleep(delay)
    return numbers
