"""A baked project follows template changes with cruft: create, check, update."""

import json
import shutil
import subprocess

import cruft
import pytest

from support.baking import TEMPLATE_DIR

TEMPLATE_FILES = (
    "cookiecutter.json",
    "hooks",
    "local_extensions.py",
    "{{cookiecutter.plugin_name}}",
)
#: The last commit of this template before the deployment question: its bakes hold the kit.
BEFORE_DEPLOYMENT_QUESTION = "983de894d6442a159dae243a36262b6fa8628449"
#: What the README's update section tells the owners of such projects to run.
KEEP_THE_KIT = {"deployment": True}
#: The last commit before described tasks: its bakes hold a route and a page for each task.
BEFORE_DESCRIBED_TASKS = "8ece26e3670aa10025ce47f1448f9d46f00a7245"


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def copy_template(repo):
    """Put this template, as it is in the working tree, into repo."""
    for name in TEMPLATE_FILES:
        source = TEMPLATE_DIR / name
        shutil.rmtree(repo / name, ignore_errors=True)
        copy = shutil.copytree if source.is_dir() else shutil.copy2
        copy(source, repo / name)


@pytest.fixture
def template_repo(tmp_path):
    """A git repository holding this template as it is in the working tree."""
    repo = tmp_path / "template"
    repo.mkdir()
    copy_template(repo)
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


def older_bake(tmp_path, revision):
    """A project baked with cruft from this template at an older revision, and committed; and
    the template's repository, which then gains the working tree's template."""
    repo = tmp_path / "template"
    repo.mkdir()
    archive = subprocess.run(
        ["git", "archive", revision, *TEMPLATE_FILES],
        cwd=TEMPLATE_DIR,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", repo], input=archive.stdout, check=True)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", f"the template at {revision}")
    project = cruft.create(str(repo), output_dir=tmp_path / "out", no_input=True)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "baked")
    copy_template(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "the template now")
    return project


def test_an_older_bake_keeps_its_deployment_kit(tmp_path):
    """Projects baked before the deployment question hold the kit, and their answers say
    nothing of it: the update command of the README keeps it, with no conflict."""
    project = older_bake(tmp_path, BEFORE_DEPLOYMENT_QUESTION)
    assert cruft.update(project, skip_apply_ask=True, extra_context=KEEP_THE_KIT)

    for path in ("Dockerfile", "compose.yaml", "gwexample/doctor.py", "gwexample/probe.py"):
        assert (project / path).is_file(), path
    assert not (project / "gwexample/analyses/probe.py").exists()
    assert not list(project.rglob("*.rej"))
    saved = json.loads((project / ".cruft.json").read_text())
    assert saved["context"]["cookiecutter"]["deployment"] is True
    assert cruft.check(project)


def test_a_bake_with_route_modules_moves_to_described(tmp_path):
    """A project baked before described tasks updates with no conflict: its task describes n,
    and its route and page modules, which the description now makes, are gone."""
    project = older_bake(tmp_path, BEFORE_DESCRIBED_TASKS)
    assert (project / "gwexample/girder_plugin/routes/tasks.py").is_file()
    assert cruft.update(project, skip_apply_ask=True)
    assert not list(project.rglob("*.rej"))
    tasks = (project / "gwexample/analyses/tasks.py").read_text()
    assert '@argument("n", types.Integer, min=1, max=MAX_N' in tasks
    assert (project / "gwexample/girder_plugin/described.py").is_file()
    for gone in ("girder_plugin/routes/tasks.py", "girder_plugin/web_client/src/pages/tasks.js"):
        assert not (project / "gwexample" / gone).exists(), gone
    assert cruft.check(project)


def test_the_readme_gives_the_command_that_keeps_the_kit():
    """The test above runs the update as the README tells its readers to."""
    option = f"--variables-to-update '{json.dumps(KEEP_THE_KIT)}'"
    assert f"cruft update {option}" in (TEMPLATE_DIR / "README.md").read_text()
