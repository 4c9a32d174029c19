"""No answer can run code: not in a hook, not in the baked project."""

import ast
import subprocess
import sys

import pytest
from cookiecutter.exceptions import FailedHookException

from support.baking import bake


def payload(marker):
    return f"__import__('pathlib').Path({str(marker)!r}).touch()"


# Values the validator rejects: they must stop the bake without running anything.
REJECTED = {
    "triple-double-quote": '"""; {code}; """',
    "double-quote": '"; {code}; "',
    "newline": "x\n{code}\n",
    "backslash": '\\"; {code} #',
}
# Values the validator lets through (apostrophes are fine in a name): they must bake as
# inert text.
ACCEPTED = {
    "triple-single-quote": "x''' + {code} + '''",
    "single-quote": "x' + {code} + '",
    "dunder-import": "{code}",
}


@pytest.mark.parametrize("field", ["description", "author_name"])
@pytest.mark.parametrize("template", REJECTED.values(), ids=REJECTED.keys())
def test_a_hostile_answer_that_is_rejected_runs_nothing(cookies, tmp_path, field, template):
    marker = tmp_path / "pwned"
    result = bake(cookies, **{field: template.format(code=payload(marker))})
    assert isinstance(result.exception, FailedHookException)
    assert not marker.exists()


@pytest.mark.parametrize("template", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_a_hostile_answer_that_is_accepted_bakes_as_plain_text(cookies, tmp_path, template):
    marker = tmp_path / "pwned"
    value = template.format(code=payload(marker))
    result = bake(cookies, author_name=value, description=value)
    assert result.exception is None, result.exception
    project = result.project_path
    setup = ast.parse((project / "setup.py").read_text())
    strings = {node.value for node in ast.walk(setup) if isinstance(node, ast.Constant)}
    assert value in strings
    # Running the baked code reads the answer back as data and runs nothing.
    run = subprocess.run(
        [sys.executable, "-c", "import gwexample, sys; sys.stdout.write(gwexample.__doc__)"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert run.stdout == value, run.stderr
    assert not marker.exists()


def test_jinja_in_an_answer_is_not_rendered_inside_the_hooks(cookies, capfd):
    result = bake(cookies, version="{{ '{{' }} 7 * 7 }}")
    assert isinstance(result.exception, FailedHookException)
    assert "version: '{{ 7 * 7 }}'" in capfd.readouterr().err
