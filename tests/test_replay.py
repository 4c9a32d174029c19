"""A refused answer costs no retyping: the message says where cookiecutter saved the answers
and the one command that bakes again from them."""

import json
import os
import shlex
import subprocess
import sys
import sysconfig

import pytest

from support.baking import TEMPLATE_DIR
from support.hooks import pre_gen

QUESTIONS = {"package_name": "gwexample"}
FALLBACK = "Nothing was generated; answer again with the values fixed."


@pytest.fixture
def replay_dir(tmp_path, monkeypatch):
    """A user config of our own, as COOKIECUTTER_CONFIG, whose replay_dir is returned."""
    replay_dir = tmp_path / "replay dir"
    config = tmp_path / "config.yaml"
    config.write_text(
        f"replay_dir: {json.dumps(str(replay_dir))}\n"
        f"cookiecutters_dir: {json.dumps(str(tmp_path / 'cookiecutters'))}\n"
    )
    monkeypatch.setenv("COOKIECUTTER_CONFIG", str(config))
    return replay_dir


def refused_answers(tmp_path):
    """What the hook gets from cookiecutter for `cookiecutter gh:org/gw-plugin-template`."""
    return {
        "package_name": "class",
        "_template": "gh:org/gw-plugin-template",
        "_output_dir": str(tmp_path),
        "_repo_dir": str(tmp_path / "cookiecutters" / "gw-plugin-template"),
        "_checkout": None,
    }


def save(replay_dir, answers, name="gw-plugin-template.json"):
    replay_dir.mkdir(exist_ok=True)
    path = replay_dir / name
    path.write_text(json.dumps({"cookiecutter": answers, "_cookiecutter": QUESTIONS}))
    return path


def test_refusal_names_the_saved_answers_and_replay_command(
    replay_dir, tmp_path, monkeypatch, capsys
):
    """A refusal names the saved answers and the command that replays them."""
    monkeypatch.setenv("PWD", str(tmp_path))
    answers = refused_answers(tmp_path)
    saved = shlex.quote(str(save(replay_dir, answers)))
    assert pre_gen.main(answers, QUESTIONS) == 1
    assert capsys.readouterr().err.splitlines() == [
        "ERROR: package_name: 'class' is a Python keyword. Try something like 'image_tools'.",
        f"Nothing was generated. Your answers are saved in {saved}: fix package_name there, "
        "then run:",
        f"  cookiecutter --replay-file {saved} gh:org/gw-plugin-template",
    ]


def test_command_keeps_checkout_and_a_foreign_output_dir(tmp_path, monkeypatch):
    """The command keeps the checkout, and an output dir other than the shell's."""
    answers = refused_answers(tmp_path / "out dir") | {"_checkout": "v1.0"}
    monkeypatch.setenv("PWD", str(tmp_path))
    command = shlex.split(pre_gen.replay_command(answers, "/replay/my answers.json"))
    assert command == [
        "cookiecutter",
        "--replay-file",
        "/replay/my answers.json",
        "--checkout",
        "v1.0",
        "--output-dir",
        str(tmp_path / "out dir"),
        "gh:org/gw-plugin-template",
    ]


def test_a_replay_file_holding_other_answers_is_not_named(replay_dir, tmp_path, capsys):
    answers = refused_answers(tmp_path)
    save(replay_dir, answers | {"package_name": "from_an_earlier_bake"})
    assert pre_gen.main(answers, QUESTIONS) == 1
    assert capsys.readouterr().err.splitlines()[-1] == FALLBACK


def test_errors_printed_without_cookiecutter_importable(replay_dir, tmp_path, monkeypatch, capsys):
    answers = refused_answers(tmp_path)
    save(replay_dir, answers)
    monkeypatch.setitem(sys.modules, "cookiecutter.config", None)  # import raises ImportError
    assert pre_gen.main(answers, QUESTIONS) == 1
    assert capsys.readouterr().err.splitlines() == [
        "ERROR: package_name: 'class' is a Python keyword. Try something like 'image_tools'.",
        FALLBACK,
    ]


@pytest.mark.parametrize("config", [None, "replay_dir: [unclosed\n"], ids=["missing", "bad-yaml"])
def test_errors_printed_with_an_unreadable_user_config(tmp_path, monkeypatch, capsys, config):
    path = tmp_path / "config.yaml"
    if config is not None:
        path.write_text(config)
    monkeypatch.setenv("COOKIECUTTER_CONFIG", str(path))
    assert pre_gen.main(refused_answers(tmp_path), QUESTIONS) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("ERROR: package_name: 'class'")
    assert err[-1] == FALLBACK


def test_answers_not_from_cookiecutter_get_no_replay_advice(replay_dir, tmp_path, capsys):
    answers = refused_answers(tmp_path)
    del answers["_template"]  # as when a caller such as cruft renders the hook itself
    save(replay_dir, answers)
    assert pre_gen.main(answers, QUESTIONS) == 1
    assert capsys.readouterr().err.splitlines()[-1] == FALLBACK


@pytest.mark.e2e
def test_printed_command_bakes_once_the_value_is_fixed(tmp_path):
    """The printed command bakes from the saved answers once the value is fixed."""
    config = tmp_path / "config.yaml"
    config.write_text(
        f"replay_dir: {json.dumps(str(tmp_path / 'replay'))}\n"
        f"cookiecutters_dir: {json.dumps(str(tmp_path / 'cookiecutters'))}\n"
    )
    out = tmp_path / "out"
    out.mkdir()
    # As a shell in `out` would run it, with this venv's cookiecutter first on PATH.
    path = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    env = os.environ | {"COOKIECUTTER_CONFIG": str(config), "PWD": str(out), "PATH": path}

    def run(command):
        return subprocess.run(command, cwd=out, env=env, capture_output=True, text=True)

    first = run(["cookiecutter", "--no-input", str(TEMPLATE_DIR), "package_name=class"])
    assert first.returncode != 0
    assert "ERROR: package_name: 'class' is a Python keyword" in first.stderr
    assert list(out.iterdir()) == []

    replay_file = tmp_path / "replay" / f"{TEMPLATE_DIR.name}.json"
    saved = json.loads(replay_file.read_text())
    assert saved["cookiecutter"]["package_name"] == "class"
    assert f"Your answers are saved in {shlex.quote(str(replay_file))}:" in first.stderr
    command = [line for line in first.stderr.splitlines() if line.startswith("  cookiecutter ")]
    assert command == [
        f"  cookiecutter --replay-file {shlex.quote(str(replay_file))} "
        f"{shlex.quote(str(TEMPLATE_DIR))}"
    ]

    saved["cookiecutter"]["package_name"] = "image_tools"
    replay_file.write_text(json.dumps(saved, indent=2))
    second = run(shlex.split(command[0]))
    assert second.returncode == 0, second.stderr
    project = out / saved["cookiecutter"]["plugin_name"]
    assert (project / "image_tools" / "__init__.py").is_file()
    assert not (project / "class").exists()
