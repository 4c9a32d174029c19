"""Every option value bakes a clean, working, ruff-clean project that differs from the rest."""

import re
import subprocess
import sys

import pytest
import yaml

from support.baking import (
    CHOICES,
    EVERY_OPTION,
    TEMPLATE_DIR,
    bake,
    case_id,
    option_cases,
    text_files,
)
from support.hooks import post_gen

CASES = option_cases()
LEFTOVER = re.compile(r"\{\{|\{%|\{#|%\}|#\}")  # "}}" closes nested dicts too
# Intentional braces in baked files: GitHub Actions expressions, ${{ ... }}.
GITHUB_EXPRESSION = re.compile(r"\$\{\{[^{}]*\}\}")
ALLOWED_LEFTOVERS = {
    ".github/workflows/ci.yml": GITHUB_EXPRESSION,
    ".github/workflows/release.yml": GITHUB_EXPRESSION,
}


@pytest.fixture(params=CASES, ids=[case_id(case) for case in CASES])
def project(request, baked):
    return baked(**request.param)


def test_the_cases_bake_every_value_of_every_choice():
    baked_values = {
        (name, case.get(name, values[0])) for case in CASES for name, values in CHOICES.items()
    }
    assert baked_values == {(name, value) for name, values in CHOICES.items() for value in values}


def test_no_template_syntax_is_left_in_any_baked_file(project):
    leftovers = []
    for path, text in text_files(project).items():
        allowed = ALLOWED_LEFTOVERS.get(path)
        if allowed:
            text = allowed.sub("", text)
        leftovers += [
            f"{path}: {line.strip()}" for line in text.splitlines() if LEFTOVER.search(line)
        ]
    assert leftovers == []


def test_ruff_finds_nothing_to_fix_or_reformat(project):
    for command in (["check"], ["format", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", "."],
            cwd=project,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stdout + run.stderr


def test_every_baked_yaml_file_parses(project):
    for path, text in text_files(project).items():
        if path.endswith((".yml", ".yaml")):
            assert yaml.safe_load(text) is not None, path


FENCE = re.compile(r"```[a-z]*")


def markdown_problems(text):
    """Where rendered Markdown reads wrong: open or glued fences, crowded headings, blank runs."""
    problems, in_fence, lines = [], False, text.split("\n")
    for number, line in enumerate(lines, 1):
        previous = lines[number - 2] if number > 1 else ""
        if line.startswith("```"):
            if not FENCE.fullmatch(line) or (in_fence and line != "```"):
                problems.append(f"{number}: fence with text beside it: {line!r}")
            in_fence = not in_fence
        elif in_fence:
            continue
        elif line.startswith("#") and number > 1 and previous != "":
            problems.append(f"{number}: no blank line before the heading {line!r}")
        elif line == "" and previous == "" and number > 1 and number < len(lines):
            problems.append(f"{number}: two blank lines in a row")
        elif line and previous.startswith("#"):
            problems.append(f"{number}: no blank line after the heading {previous!r}")
    if in_fence:
        problems.append("a code fence is never closed")
    return problems


def test_every_baked_markdown_file_renders_cleanly(project):
    for path, text in text_files(project).items():
        if path.endswith(".md"):
            assert markdown_problems(text) == [], path


@pytest.mark.parametrize(
    "broken",
    ["```bash\nls\n```## Tests\n", "Text.\n## Heading\n", "a\n\n\nb\n", "```\nopen\n"],
    ids=["glued-fence", "crowded-heading", "blank-run", "unclosed-fence"],
)
def test_the_markdown_check_catches_what_broke_readmes_before(broken):
    assert markdown_problems(broken) != []


def test_every_baked_python_file_compiles(project):
    for path, text in text_files(project).items():
        if path.endswith(".py"):
            compile(text, path, "exec")


@pytest.mark.parametrize(
    ("license_name", "marker"),
    [
        ("Apache-2.0", "Apache License"),
        ("MIT", "MIT License"),
        ("BSD-3-Clause", "BSD 3-Clause License"),
    ],
    ids=lambda value: str(value) if "License" not in value else "",
)
def test_license_file_has_the_chosen_license_and_author(baked, license_name, marker):
    project = baked(license=license_name, author_name="Ada Lovelace")
    text = (project / "LICENSE").read_text()
    assert marker in text
    assert "Ada Lovelace" in text
    assert f'license="{license_name}"' in (project / "setup.py").read_text()


def test_a_proprietary_plugin_has_no_license_file_and_says_so(baked):
    project = baked(license="Proprietary")
    assert not (project / "LICENSE").exists()
    assert "License :: Other/Proprietary License" in (project / "setup.py").read_text()


def test_github_expressions_survive_rendering_in_the_workflow(baked):
    workflow = (baked(ci="github") / ".github/workflows/ci.yml").read_text()
    parsed = yaml.safe_load(workflow)
    setup_python = parsed["jobs"]["test"]["steps"][1]
    assert setup_python["with"]["python-version"] == "${{ matrix.python-version }}"


def test_the_baked_lint_job_runs_the_pinned_pre_commit_hooks(baked):
    project = baked()
    lint = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())["jobs"]["lint"]
    runs = [step.get("run", "") for step in lint["steps"]]
    assert "pre-commit run --all-files --show-diff-on-failure" in runs
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"]
    assert {hook["id"] for repo in hooks for hook in repo["hooks"]} >= {
        "ruff",
        "ruff-format",
        "check-github-workflows",
        "check-dependabot",
        "validate-pyproject",
    }
    # The ruff that pre-commit pins is the one the template's own tests lint with.
    ruff = next(repo for repo in hooks if repo["repo"].endswith("/ruff-pre-commit"))
    pinned = (TEMPLATE_DIR / "requirements-test.txt").read_text()
    assert f"ruff=={ruff['rev'].removeprefix('v')}" in pinned


def test_ci_none_leaves_out_the_github_workflow_and_pre_commit(baked):
    with_ci = baked(ci="github")
    without = baked(ci="none")
    for path in (".github/workflows/ci.yml", ".github/dependabot.yml", ".pre-commit-config.yaml"):
        assert (with_ci / path).is_file(), path
        assert not (without / path).exists(), path
    assert not (without / ".github").exists()


YES_NO = [name for name, values in CHOICES.items() if isinstance(values[0], bool)]


@pytest.mark.parametrize("option", YES_NO, ids=[f"{option}=on-off" for option in YES_NO])
def test_yes_no_option_brings_exactly_its_rows_files(baked, option):
    """A yes/no option brings exactly the files that its row of the table names."""
    on = baked(**{option: True})
    off = baked(**{option: False})
    _, paths = post_gen.OPTIONAL_PATHS.get(option, (None, []))
    for pattern in (p.format(package="gwexample") for p in paths):
        assert list(on.glob(pattern)), pattern
        assert not list(off.glob(pattern)), pattern
    # Every option changes the output, files or not.
    assert text_files(on) != text_files(off)


def test_dedicated_queue_is_the_one_workers_start_on(baked):
    """dedicated_queue names the queue wherever workers are started."""
    # The baked tests prove the routing; the image and the README start the workers.
    project = baked(plugin_name="image_tools", dedicated_queue=True, deployment=True)
    assert "-Q image_tools" in (project / "README.md").read_text()
    assert "WORKER_QUEUES=image_tools" in (project / "Dockerfile").read_text()
    assert "WORKER_QUEUES=celery" in (baked(deployment=True) / "Dockerfile").read_text()


def test_no_bake_asks_for_an_undeclared_docker_extra(baked):
    """No bake asks for a docker extra, which girder_worker does not declare."""
    for answers in ({}, EVERY_OPTION):
        for text in text_files(baked(**answers)).values():
            assert "girder-worker[docker]" not in text


def test_girder_plugin_adds_the_entry_point_and_extra(baked):
    """girder_plugin adds the girder entry point and the girder extra."""
    setup = (baked(plugin_name="image_tools") / "setup.py").read_text()
    assert '"image_tools = image_tools.girder_plugin:ImageToolsGirderPlugin"' in setup
    assert 'GIRDER_SERVER = ["girder>=5,<6"' in setup
    assert '"girder": GIRDER_SERVER,' in setup
    worker_only = (baked(girder_plugin=False) / "setup.py").read_text()
    assert "girder.plugin" not in worker_only
    assert '"girder":' not in worker_only


def test_another_plugin_name_derives_every_other_name(baked):
    project = baked(plugin_name="image_tools")
    assert project.name == "image_tools"
    setup = (project / "setup.py").read_text()
    assert 'name="image-tools"' in setup
    assert '"image_tools = image_tools:ImageToolsPlugin"' in setup
    assert (
        "class ImageToolsPlugin(GirderWorkerPluginABC):"
        in (project / "image_tools/__init__.py").read_text()
    )


@pytest.mark.parametrize(
    ("answers", "file", "expected"),
    [
        ({"package_name": "gwx"}, "setup.py", '"gwexample = gwx:GWXPlugin"'),
        ({"distribution_name": "gwx-dist"}, "setup.py", 'name="gwx-dist"'),
        ({"plugin_class": "Fibber"}, "gwexample/__init__.py", "class Fibber("),
        ({"description": "Sums things."}, "setup.py", 'description="Sums things."'),
        ({"author_email": "a@b.org"}, "setup.py", 'author_email="a@b.org"'),
        ({"version": "2.0.0rc1"}, "pyproject.toml", 'fallback_version = "2.0.0rc1"'),
        ({"task_time_limit": "42"}, "gwexample/__init__.py", "TASK_TIME_LIMIT = 42"),
    ],
    ids=lambda value: case_id(value) if isinstance(value, dict) else "",
)
def test_each_text_answer_reaches_the_file_that_uses_it(baked, answers, file, expected):
    project = baked(**answers)
    if "package_name" in answers:
        file = file.replace("gwexample/", f"{answers['package_name']}/")
    assert expected in (project / file).read_text()


def test_an_unknown_answer_name_is_refused_before_baking(cookies):
    with pytest.raises(KeyError, match="licence"):
        bake(cookies, licence="MIT")


@pytest.mark.parametrize("answers", [{"web_client": False}, {"girder_plugin": False}], ids=case_id)
def test_a_bake_without_the_web_client_holds_no_javascript(baked, answers):
    files = text_files(baked(**answers))
    client = [path for path in files if path.endswith((".js", ".css", "package.json", ".in"))]
    assert client == []
    assert "web_client" not in files["setup.py"]
