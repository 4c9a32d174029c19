"""A bad answer stops the bake with a message that names the field, and leaves nothing behind."""

import pytest
from cookiecutter.exceptions import FailedHookException

from support.baking import bake

BAD_ANSWERS = [
    ("plugin_name", "2fast"),
    ("plugin_name", "has space"),
    ("plugin_name", "a=b"),
    ("package_name", "Image-Tools"),
    ("package_name", "class"),
    ("package_name", "match"),
    ("package_name", "9lives"),
    ("package_name", "celery"),
    ("package_name", "girder_worker"),
    ("package_name", "kombu"),
    ("package_name", "json"),
    ("package_name", "tests"),
    ("distribution_name", "-leading-dash"),
    ("distribution_name", "bad name"),
    ("plugin_class", "lowercase"),
    ("plugin_class", "Has-Dash"),
    ("plugin_class", "None"),
    ("description", ""),
    ("description", 'says "hi"'),
    ("description", "two\nlines"),
    ("description", "x" * 201),
    ("author_name", "back\\slash"),
    ("author_email", "not-an-email"),
    ("author_email", "a@b"),
    ("version", "one"),
    ("version", "1.0-beta"),
    ("task_time_limit", "0"),
    ("task_time_limit", "ten"),
    ("task_time_limit", "-5"),
]


def case_id(case):
    field, value = case
    return f"{field}={value[:20]!r}"


@pytest.mark.parametrize(("field", "value"), BAD_ANSWERS, ids=[case_id(c) for c in BAD_ANSWERS])
def test_bad_answer_is_refused_naming_the_field(cookies, capfd, tmp_path, field, value):
    """A bad answer is rejected, naming the field, and no directory is left."""
    result = bake(cookies, **{field: value})
    assert isinstance(result.exception, FailedHookException)
    errors = capfd.readouterr().err
    assert f"ERROR: {field}: {value!r}" in errors
    assert "Try something like" in errors
    assert list((tmp_path / "cookies").rglob("*/*")) == []


@pytest.mark.parametrize(("field", "value"), [("license", "GPL"), ("ci", "travis")])
def test_an_unknown_choice_is_rejected_naming_the_field(cookies, field, value):
    result = bake(cookies, **{field: value})
    assert result.exception is not None
    assert field in str(result.exception)
    assert result.project_path is None


def test_several_bad_answers_are_all_reported_at_once(cookies, capfd):
    result = bake(cookies, package_name="class", version="one")
    assert isinstance(result.exception, FailedHookException)
    errors = capfd.readouterr().err
    assert "package_name: 'class'" in errors
    assert "version: 'one'" in errors
