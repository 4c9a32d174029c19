"""The hooks import unrendered, as plain Python, and their pieces work on their own."""

import importlib.util
import json
import subprocess
import sys

import pytest

from support.baking import TEMPLATE_DIR, bake


def load_hook(name):
    spec = importlib.util.spec_from_file_location(name, TEMPLATE_DIR / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pre_gen = load_hook("pre_gen_project")
post_gen = load_hook("post_gen_project")

GOOD = {
    "plugin_name": "image_tools",
    "package_name": "image_tools",
    "distribution_name": "image-tools",
    "plugin_class": "ImageToolsPlugin",
    "task_name": "resize",
    "description": "Resizes images, O'Brien style.",
    "author_name": "Jane Doe",
    "author_email": "jane@example.com",
    "version": "1.0.0.post1",
    "task_time_limit": "3600",
    "license": "MIT",
    "ci": "none",
    "progress_task": True,
    "dedicated_queue": False,
    "girder_io_task": False,
    "docker_task": True,
}


def test_unrendered_hooks_keep_the_jinja_inside_a_string_literal():
    assert pre_gen.ANSWERS == post_gen.ANSWERS == "{{ cookiecutter | tojson }}"


def test_good_answers_pass_validation():
    assert pre_gen.validate(GOOD) == []


def test_every_question_of_cookiecutter_json_has_a_check():
    questions = json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text())
    assert set(pre_gen.CHECKS) == {name for name in questions if not name.startswith("_")}


def test_main_returns_1_and_prints_the_field_on_bad_answers(capsys):
    assert pre_gen.main(GOOD | {"version": "v1"}) == 1
    assert "ERROR: version: 'v1' is not a PEP 440 version" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_a_yes_no_question_takes_only_a_boolean(value):
    assert pre_gen.validate(GOOD | {"progress_task": value}) == [
        f"progress_task: {value!r} must be yes or no. Try something like 'yes'."
    ]


def test_main_returns_0_on_good_answers():
    assert pre_gen.main(GOOD) == 0


def test_a_missing_answer_is_reported_not_raised():
    answers = dict(GOOD)
    del answers["author_email"]
    assert pre_gen.validate(answers) == ["author_email: missing or not text (None)."]


@pytest.mark.parametrize("name", ["os", "asyncio", "celery", "tests"])
def test_shadowing_names_suggest_a_prefixed_one(name):
    reason, example = pre_gen.check_package_name(name)
    assert "shadow" in reason
    assert example == f"gw_{name}"


ALL_ON = {
    "package_name": "pkg",
    "license": "MIT",
    "ci": "github",
    "progress_task": True,
    "dedicated_queue": True,
    "girder_io_task": True,
    "docker_task": True,
}
POST_GEN_CASES = [
    ({}, []),
    ({"license": "Proprietary"}, ["LICENSE"]),
    ({"ci": "none"}, [".github", ".pre-commit-config.yaml"]),
    ({"progress_task": False}, ["tests/test_girder_jobs.py"]),
    ({"dedicated_queue": False}, ["tests/test_queue.py"]),
    ({"girder_io_task": False}, ["pkg/analyses/files.py", "tests/test_files.py"]),
    ({"docker_task": False}, ["pkg/analyses/containers.py", "tests/test_containers.py"]),
]


@pytest.mark.parametrize(
    ("changes", "removed"),
    POST_GEN_CASES,
    ids=["-".join(f"{k}={v}" for k, v in c.items()) or "all-on" for c, _ in POST_GEN_CASES],
)
def test_post_gen_removes_exactly_what_the_answers_switch_off(changes, removed):
    assert post_gen.unwanted_paths(ALL_ON | changes) == removed


def test_post_gen_can_run_twice_on_the_same_project(cookies):
    answers = ALL_ON | {"package_name": "gwexample", "license": "Proprietary", "ci": "none"}
    project = bake(cookies, **answers).project_path
    before = sorted(p.name for p in project.rglob("*"))
    assert post_gen.main(answers, root=project) == 0
    assert sorted(p.name for p in project.rglob("*")) == before


def test_the_unrendered_hooks_and_the_rest_of_the_repository_are_ruff_clean():
    # ruff.toml leaves out the project template, whose Jinja is not Python until baked.
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", str(TEMPLATE_DIR)],
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr
