"""A real worker discovers the plugin through its entry point and runs its task."""

import pytest
from harness import RESULT_TIMEOUT

from {{ cookiecutter.package_name }} import QUEUE
from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, fibonacci, nth_fibonacci

pytestmark = pytest.mark.e2e
BAD_INPUTS = {
    "zero": (0, ValueError),
    "negative": (-1, ValueError),
    "above-max": (MAX_N + 1, ValueError),
    "str-number": ("26", TypeError),
    "str-text": ("x", TypeError),
    "bool": (True, TypeError),
    "float": (1.5, TypeError),
    "None": (None, TypeError),
    "list": ([26], TypeError),
}


def test_worker_lists_the_task_found_through_the_entry_point(worker):
    assert fibonacci.name in worker.registered_tasks(), worker.log_tail()


def test_the_example_client_prints_the_26th_fibonacci_number(worker, run_example_client):
    client = run_example_client()
    assert client.returncode == 0, f"{client.stderr}\n{worker.log_tail()}"
    assert client.stdout.strip() == "121393", worker.log_tail()


def test_bad_input_fails_saying_what_is_allowed(worker, client):
    """Bad input fails with an error that says what is allowed; the worker serves on."""
    sent = {
        name: client.send_task(fibonacci.name, args=(value,))
        for name, (value, _) in BAD_INPUTS.items()
    }
    for name, result in sent.items():
        error = BAD_INPUTS[name][1]
        with pytest.raises(error, match=f"n must be a whole number from 1 to {MAX_N}, got "):
            result.get(timeout=RESULT_TIMEOUT)
        assert result.state == "FAILURE", name
    valid = client.send_task(fibonacci.name, args=(26,))
    assert valid.get(timeout=RESULT_TIMEOUT) == 121393, worker.log_tail()


def test_the_sessions_worker_runs_every_task_it_sends(worker, client):
    """Each test session has a broker folder (or a queue) of its own: no other session's worker
    takes its tasks, nor its worker theirs."""
    sent = [client.send_task("harness.tasks.worker_name", queue=QUEUE) for _ in range(20)]
    assert {result.get(timeout=RESULT_TIMEOUT) for result in sent} == {worker.hostname}


def test_the_worker_answers_while_tasks_queue_up(worker, client):
    """With tasks waiting for a pool process, a running task's question to its worker (its
    self.canceled, girder_worker's check after each task) still gets an answer."""
    sent = [client.send_task("harness.tasks.asks_its_worker", queue=QUEUE) for _ in range(8)]
    assert [result.get(timeout=RESULT_TIMEOUT) for result in sent] == [True] * 8


def test_a_large_n_comes_back_whole(worker, client):
    result = client.send_task(fibonacci.name, args=(10_000,))
    assert result.get(timeout=RESULT_TIMEOUT) == nth_fibonacci(10_000), worker.log_tail()
