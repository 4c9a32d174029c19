import pytest
from girder_worker.app import app

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, fibonacci, nth_fibonacci


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


@pytest.mark.parametrize(
    "bad",
    ["26", "x", True, 1.5, None, [26], 26.0],
    ids=["str-number", "str-text", "bool", "float", "None", "list", "whole-float"],
)
def test_a_value_that_is_not_an_int_is_a_type_error_naming_it(bad):
    expected = f"n must be an int from 1 to {MAX_N}, got {type(bad).__name__}"
    with pytest.raises(TypeError, match=expected):
        nth_fibonacci(bad)


@pytest.mark.parametrize("bad", [0, -1, MAX_N + 1], ids=["zero", "negative", "above-max"])
def test_an_int_out_of_range_is_a_value_error_naming_the_range(bad):
    with pytest.raises(ValueError, match=f"n must be from 1 to {MAX_N}, got {bad}"):
        nth_fibonacci(bad)


def test_the_registered_task_carries_the_girder_job_title():
    # @girder_job must sit above @app.task; below it, it would label the bare function
    # and girder_worker would title every job "<unnamed job>".
    task = app.tasks[fibonacci.name]
    assert task._girder_job_title == "Fibonacci number"
    assert task._girder_job_type == "{{ cookiecutter.package_name }}.fibonacci"
