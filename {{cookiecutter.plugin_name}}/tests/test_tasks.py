import re

import pytest
from girder_worker.app import app

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, fibonacci, nth_fibonacci

RULE = f"n must be a whole number from 1 to {MAX_N}"


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, 1), (2, 1), (3, 2), (10, 55), (26, 121393), (90, 2880067194370816120)],
    ids=lambda value: str(value),
)
def test_nth_fibonacci_gives_the_known_values(n, expected):
    assert nth_fibonacci(n) == expected


def test_each_number_is_the_sum_of_the_two_before_it():
    """Up to a large n."""
    assert nth_fibonacci(10_000) == nth_fibonacci(9_999) + nth_fibonacci(9_998)


def test_the_largest_allowed_result_can_be_written_as_text():
    assert len(str(nth_fibonacci(MAX_N))) < 4300


def test_the_task_computes_the_same_value_as_the_plain_function():
    assert fibonacci(26) == nth_fibonacci(26) == 121393


def test_the_task_describes_n_with_its_range():
    """The description is the one source of n's rules: the route, its docs and its page."""
    [n] = fibonacci.describe()["inputs"]
    assert (n["name"], n["type"], n["min"], n["max"]) == ("n", "integer", 1, MAX_N)


@pytest.mark.parametrize(
    "bad",
    ["26", "x", True, 1.5, None, [26], 26.0],
    ids=["str-number", "str-text", "bool", "float", "None", "list", "whole-float"],
)
def test_a_value_that_is_not_an_int_is_a_type_error_naming_it(bad):
    with pytest.raises(TypeError, match=re.escape(f"{RULE}, got {bad!r}")):
        fibonacci(bad)


@pytest.mark.parametrize("bad", [0, -1, MAX_N + 1], ids=["zero", "negative", "above-max"])
def test_an_int_out_of_range_is_a_value_error_naming_the_range(bad):
    with pytest.raises(ValueError, match=f"{RULE}, got {bad}"):
        fibonacci(bad)


def test_delay_refuses_a_bad_n_before_anything_is_queued():
    """No broker is asked: the check comes first, with the route's message."""
    with pytest.raises(ValueError, match=f"{RULE}, got 0"):
        fibonacci.delay(0)


def test_the_registered_task_carries_the_girder_job_title():
    # @girder_job must sit above @app.task; below it, it would label the bare function
    # and girder_worker would title every job "<unnamed job>".
    task = app.tasks[fibonacci.name]
    assert task._girder_job_title == "Fibonacci number"
    assert task._girder_job_type == "{{ cookiecutter.package_name }}.fibonacci"
