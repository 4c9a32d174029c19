"""A baked project follows template changes with cruft: create, check, update."""

import json
import shutil
import subprocess

import cruft
import pytest

from support.baking import TEMPLATE_DIR

TEMPLATE_FILES = ("cookiecutter.json", "hooks", "{{cookiecutter.plugin_name}}")


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def template_repo(tmp_path):
    """A git repository holding this template as it is in the working tree."""
    repo = tmp_path / "template"
    repo.mkdir()
    for name in TEMPLATE_FILES:
        source = TEMPLATE_DIR / name
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "template")
    return repo


@pytest.fixture
def project(template_repo, tmp_path):
    out = tmp_path / "out"
    path = cruft.create(str(template_repo), output_dir=out, no_input=True)
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-qm", "baked")
    return path


def test_a_created_project_is_up_to_date(project):
    assert cruft.check(project)


def test_saved_answers_name_the_template_source_not_a_path(project, template_repo):
    saved = json.loads((project / ".cruft.json").read_text())
    answers = saved["context"]["cookiecutter"]
    local = {k: v for k, v in answers.items() if isinstance(v, str) and v.startswith("/")}
    assert local == {"_template": str(template_repo)}
    assert answers["plugin_name"] == "gwexample"


def test_template_change_reaches_an_untouched_project(project, template_repo):
    """A template change reaches an untouched project without conflict."""
    readme = template_repo / "{{cookiecutter.plugin_name}}" / "README.md"
    readme.write_text(readme.read_text() + "\nA line the template gained later.\n")
    git(template_repo, "commit", "-qam", "template change")
    assert not cruft.check(project)
    assert cruft.update(project, skip_apply_ask=True)
    assert (project / "README.md").read_text().endswith("A line the template gained later.\n")
    assert cruft.check(project)
    assert not list(project.rglob("*.rej"))
