"""The hooks import unrendered, as plain Python, and their pieces work on their own."""

import subprocess
import sys

import pytest

from support.baking import QUESTIONS, TEMPLATE_DIR, bake
from support.hooks import post_gen, pre_gen

GOOD = {
    "plugin_name": "image_tools",
    "package_name": "image_tools",
    "distribution_name": "image-tools",
    "plugin_class": "ImageToolsPlugin",
    "description": "Resizes images, O'Brien style.",
    "author_name": "Jane Doe",
    "author_email": "jane@example.com",
    "version": "1.0.0.post1",
    "task_time_limit": "3600",
    "license": "MIT",
    "ci": "none",
} | {name: True for name, value in QUESTIONS.items() if isinstance(value, bool)}


def test_unrendered_hooks_keep_the_jinja_inside_a_string_literal():
    assert pre_gen.ANSWERS == post_gen.ANSWERS == "{{ cookiecutter | tojson }}"
    assert pre_gen.QUESTIONS == "{{ _cookiecutter | default(none) | tojson }}"


def test_good_answers_pass_validation():
    assert pre_gen.validate(GOOD, QUESTIONS) == []


def test_every_free_text_question_has_a_check():
    """Every free-text question of cookiecutter.json has a check."""
    free_text = {name for name, value in QUESTIONS.items() if isinstance(value, str)}
    assert set(pre_gen.CHECKS) == free_text


def test_main_returns_1_and_prints_the_field_on_bad_answers(capsys):
    assert pre_gen.main(GOOD | {"version": "v1"}, QUESTIONS) == 1
    assert "ERROR: version: 'v1' is not a PEP 440 version" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_a_yes_no_question_takes_only_a_boolean(value):
    assert pre_gen.validate(GOOD | {"girder_plugin": value}, QUESTIONS) == [
        f"girder_plugin: {value!r} must be yes or no. Try something like 'yes'."
    ]


def test_choice_outside_the_list_is_refused():
    """A choice outside the list of cookiecutter.json is refused."""
    assert pre_gen.validate(GOOD | {"license": "GPL"}, QUESTIONS) == [
        "license: 'GPL' is not one of Apache-2.0, MIT, BSD-3-Clause, Proprietary. "
        "Try something like 'Apache-2.0'."
    ]


def test_main_returns_0_on_good_answers():
    assert pre_gen.main(GOOD, QUESTIONS) == 0


def test_answers_are_checked_without_cookiecutter_json(capsys):
    """Without cookiecutter.json, as under cruft, the answers are still checked."""
    assert pre_gen.main(GOOD) == 0
    assert pre_gen.main(GOOD | {"girder_plugin": "yes", "version": "v1"}) == 1
    assert "version: 'v1'" in capsys.readouterr().err


def test_a_missing_answer_is_reported_not_raised():
    answers = dict(GOOD)
    del answers["author_email"]
    assert pre_gen.validate(answers, QUESTIONS) == ["author_email: missing or not text (None)."]


@pytest.mark.parametrize(
    "name",
    ["os", "asyncio", "celery", "tests", "setuptools", "requests", "docker", "girder", "yaml"],
)
def test_shadowing_names_suggest_a_prefixed_one(name):
    reason, example = pre_gen.check_package_name(name)
    assert "shadow" in reason
    assert example == f"gw_{name}"


ALL_ON = {"package_name": "pkg", "license": "MIT", "ci": "github"} | {
    name: True for name, value in QUESTIONS.items() if isinstance(value, bool)
}


def test_post_gen_removes_nothing_when_every_option_is_on():
    assert post_gen.unwanted_paths(ALL_ON) == []


@pytest.mark.parametrize(
    ("changes", "removed"),
    [
        ({"license": "Proprietary"}, ["LICENSE"]),
        ({"ci": "none"}, [".github", ".pre-commit-config.yaml"]),
        (
            {"girder_plugin": False},
            [
                "pkg/girder_plugin",
                "pkg/dev_girder.py",
                "docs/girder.md",
                "tests/test_girder.py",
                "tests/harness/girder.py",
                *(path.format(package="pkg") for path in post_gen.WEB_CLIENT),
            ],
        ),
        (
            {"progress_task": False},
            [
                "pkg/analyses/sequence.py",
                "tests/test_sequence.py",
                "tests/test_web_sequence.py",
                "docs/examples/sequence.md",
            ],
        ),
    ],
    ids=["license=Proprietary", "ci=none", "girder_plugin=False", "progress_task=False"],
)
def test_post_gen_removes_what_the_answers_switch_off(changes, removed):
    assert post_gen.unwanted_paths(ALL_ON | changes) == removed


@pytest.mark.parametrize(
    "off", [("docker_task",), ("deployment",), ("docker_task", "deployment")], ids="+".join
)
def test_a_shared_path_stays_while_one_answer_wants_it(off):
    """The Docker harness serves the container example and the deployment kit alike."""
    removed = post_gen.unwanted_paths(ALL_ON | dict.fromkeys(off, False))
    assert ("tests/harness/docker.py" in removed) == (len(off) == 2)


def test_post_gen_can_run_twice_on_the_same_project(cookies):
    answers = {"package_name": "gwexample", "license": "Proprietary", "ci": "none"} | {
        name: False for name, value in QUESTIONS.items() if isinstance(value, bool)
    }
    project = bake(cookies, **answers).project_path
    before = sorted(p.name for p in project.rglob("*"))
    assert post_gen.main(answers, root=project) == 0
    assert sorted(p.name for p in project.rglob("*")) == before


def test_unrendered_hooks_and_repository_are_ruff_clean():
    # ruff.toml leaves out the project template, whose Jinja is not Python until baked.
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", str(TEMPLATE_DIR)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
