{% if cookiecutter.girder_io_task %}
from pathlib import Path

{% endif %}
import pytest
from girder_worker.app import app

{% if cookiecutter.girder_io_task %}
from {{ cookiecutter.package_name }}.analyses.files import count_lines
{% endif %}
from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, {{ cookiecutter.task_name }}, nth_fibonacci


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, 1), (2, 1), (3, 2), (10, 55), (26, 121393), (90, 2880067194370816120)],
    ids=lambda value: str(value),
)
def test_nth_fibonacci_gives_the_known_values(n, expected):
    assert nth_fibonacci(n) == expected


def test_each_number_is_the_sum_of_the_two_before_it_up_to_a_large_n():
    assert nth_fibonacci(10_000) == nth_fibonacci(9_999) + nth_fibonacci(9_998)


def test_the_largest_allowed_result_can_be_written_as_text():
    assert len(str(nth_fibonacci(MAX_N))) < 4300


def test_the_task_computes_the_same_value_as_the_plain_function():
    assert {{ cookiecutter.task_name }}(26) == nth_fibonacci(26) == 121393


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
    task = app.tasks["{{ cookiecutter.package_name }}.analyses.tasks.{{ cookiecutter.task_name }}"]
    assert task._girder_job_title == "Fibonacci number"
    assert task._girder_job_type == "{{ cookiecutter.package_name }}.{{ cookiecutter.task_name }}"
{% if cookiecutter.progress_task %}


def test_the_sequence_task_outside_girder_returns_every_number():
    from {{ cookiecutter.package_name }}.analyses.tasks import fibonacci_sequence

    assert fibonacci_sequence(8) == [1, 1, 2, 3, 5, 8, 13, 21]
{% endif %}
{% if cookiecutter.girder_io_task %}


def test_count_lines_writes_the_count_into_a_file_named_after_the_input(tmp_path):
    source = tmp_path / "input.txt"
    source.write_bytes(b"first\nsecond\nthird\n")
    result = count_lines(str(source))
    assert result.endswith("/input.txt.lines.txt")
    assert Path(result).read_text() == "3\n"
    assert count_lines(str(source), name="notes.txt").endswith("/notes.txt.lines.txt")


@pytest.mark.parametrize("name", ["../up", "", 7], ids=["a-path", "empty", "not-text"])
def test_count_lines_refuses_a_name_that_is_not_a_file_name(tmp_path, name):
    source = tmp_path / "input.txt"
    source.write_text("one\n")
    with pytest.raises(ValueError, match="name must be a file name"):
        count_lines(str(source), name=name)
{% endif %}
