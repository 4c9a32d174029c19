"""GitHub workflows and Dependabot files, baked and the template's own: secure by default
and valid against their schemas; every baked compose file and pyproject.toml valid too.
All offline."""

import importlib.metadata
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from support.baking import TEMPLATE_DIR, case_id, option_cases

BIN = Path(sys.executable).parent
CASES = option_cases()
WITH_GITHUB = [case for case in CASES if case.get("ci", "github") == "github"]
SCHEMAS = {"vendor.github-workflows": "workflows/*.yml", "vendor.dependabot": "dependabot.yml"}
# The last month of each Python's security fixes (PEPs 619, 664, 693, 719, 745).
END_OF_LIFE = {10: (2026, 10), 11: (2027, 10), 12: (2028, 10), 13: (2029, 10), 14: (2030, 10)}
# The plugin runs on these: a Python is supported once all of them list it.
RUNTIME = ("celery", "kombu", "billiard")


def run(tool, *args):
    return subprocess.run([str(BIN / tool), *map(str, args)], capture_output=True, text=True)


def assert_zizmor_finds_nothing(github_dir):
    audit = run("zizmor", "--offline", "--no-progress", github_dir)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    assert "No findings to report" in audit.stdout, audit.stdout


def assert_valid(schema, files):
    assert files
    result = run("check-jsonschema", "--builtin-schema", schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def baked_projects(baked):
    return [baked(**case) for case in CASES]


@pytest.mark.parametrize("case", WITH_GITHUB, ids=[case_id(case) for case in WITH_GITHUB])
def test_zizmor_finds_nothing_in_the_baked_github_files(baked, case):
    assert_zizmor_finds_nothing(baked(**case) / ".github")


@pytest.mark.parametrize("schema", SCHEMAS)
def test_every_baked_github_file_matches_its_schema(baked_projects, schema):
    files = [
        path for project in baked_projects for path in project.glob(f".github/{SCHEMAS[schema]}")
    ]
    assert_valid(schema, files)


def test_baked_compose_files_match_the_compose_spec(baked_projects):
    files = [path for project in baked_projects for path in project.glob("compose*.yaml")]
    assert {path.name for path in files} == {"compose.yaml", "compose.workers.yaml"}
    assert_valid("vendor.compose-spec", files)


def test_every_baked_pyproject_is_valid(baked_projects):
    result = run("validate-pyproject", *(project / "pyproject.toml" for project in baked_projects))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_templates_own_github_files_are_secure_and_valid():
    assert_zizmor_finds_nothing(TEMPLATE_DIR / ".github")
    for schema, pattern in SCHEMAS.items():
        assert_valid(schema, sorted((TEMPLATE_DIR / ".github").glob(pattern)))


def test_own_workflow_runs_fast_tier_and_suite_on_services():
    """The template's own workflow runs the fast tier, and the full suite on real services."""
    workflow = yaml.safe_load((TEMPLATE_DIR / ".github/workflows/ci.yml").read_text())
    fast, full = workflow["jobs"]["fast"], workflow["jobs"]["full"]
    assert any('-m "not e2e"' in step.get("run", "") for step in fast["steps"])
    assert set(full["services"]) == {"rabbitmq", "redis", "mongo"}
    assert full["env"]["GW_TEST_MONGO_URI"].startswith("mongodb://")
    assert any(step.get("run") == "bash scripts/test.sh" for step in full["steps"])


def workflow_uses(workflow):
    """Every `uses:` of a workflow: its jobs' (reusable workflows) and their steps'."""
    for job in workflow["jobs"].values():
        if "uses" in job:
            yield job["uses"]
        yield from (step["uses"] for step in job.get("steps", []) if "uses" in step)


def test_every_action_is_pinned_by_its_commit(baked_projects):
    """A tag can move; a commit cannot. Only the project's own workflows go by path."""
    files = [path for project in baked_projects for path in project.glob(".github/workflows/*")]
    files += sorted((TEMPLATE_DIR / ".github" / "workflows").glob("*.yml"))
    uses = [use for path in files for use in workflow_uses(yaml.safe_load(path.read_text()))]
    assert uses
    unpinned = [use for use in uses if not re.fullmatch(r"(\./.+|[^@]+@[0-9a-f]{40})", use)]
    assert unpinned == []


def jobs_granted(workflow, permission):
    return {
        name
        for name, job in workflow["jobs"].items()
        if job.get("permissions", {}).get(permission) == "write"
    }


@pytest.mark.parametrize("deployment", [False, True], ids=["deployment=no", "deployment=yes"])
def test_only_publishing_jobs_may_sign_or_push(baked, deployment):
    """id-token only where PyPI's upload and the attestations need it, packages: write only
    where the worker image goes to GHCR; the rest reads the repository. No token is stored."""
    project = baked(deployment=deployment)
    text = (project / ".github/workflows/release.yml").read_text()
    workflow = yaml.safe_load(text)
    assert workflow["permissions"] == {"contents": "read"}
    image = {"image"} if deployment else set()
    assert jobs_granted(workflow, "id-token") == {"publish", *image}
    assert jobs_granted(workflow, "attestations") == {"publish", *image}
    assert jobs_granted(workflow, "packages") == image
    assert re.findall(r"secrets\.\w+", text) == (["secrets.GITHUB_TOKEN"] if deployment else [])


def test_a_release_publishes_only_what_passed_the_tests(baked):
    """The release runs the same jobs as every push, on its own commit, before it publishes."""
    project = baked()
    release = yaml.safe_load((project / ".github/workflows/release.yml").read_text())
    ci = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())
    # PyYAML reads the key "on" as True.
    assert set(release[True]) == {"release", "workflow_dispatch"}
    assert "workflow_call" in ci[True]
    assert release["jobs"]["test"]["uses"] == "./.github/workflows/ci.yml"
    assert set(release["jobs"]["publish"]["needs"]) == {"test", "build"}
    steps = release["jobs"]["build"]["steps"]
    checks = ("twine check", "check-wheel-contents")
    assert [step["run"] for step in steps if step.get("run", "").startswith(checks)] == [
        "twine check --strict dist/*",
        "check-wheel-contents dist/*.whl",
    ]


def listed_minors(distribution):
    """The 3.x minors that a distribution installed here lists in its classifiers."""
    prefix = "Programming Language :: Python :: 3."
    classifiers = importlib.metadata.metadata(distribution).get_all("Classifier") or []
    return {int(c.removeprefix(prefix)) for c in classifiers if re.fullmatch(r".*:: 3\.\d+", c)}


def alive(minor, today=None):
    today = today or date.today()
    return (today.year, today.month) <= END_OF_LIFE[minor]


def test_baked_ci_matrix_is_the_alive_pythons(baked):
    """From python_requires' oldest, which must still get fixes (the one before it must not), to
    the newest that celery, kombu and billiard list: checked here, where no 3.14 runs."""
    project = baked()
    oldest = int(re.search(r'python_requires=">=3\.(\d+)"', (project / "setup.py").read_text())[1])
    assert alive(oldest), f"Python 3.{oldest} is past its end of life: raise python_requires"
    assert not alive(oldest - 1), f"Python 3.{oldest - 1} still gets fixes: keep it"
    newest = min(max(listed_minors(name)) for name in RUNTIME)
    expected = [f"3.{minor}" for minor in range(oldest, newest + 1)]
    # The template's own fast tier runs on the same Pythons.
    for root, job in ((project, "test"), (TEMPLATE_DIR, "fast")):
        workflow = yaml.safe_load((root / ".github/workflows/ci.yml").read_text())
        assert workflow["jobs"][job]["strategy"]["matrix"]["python-version"] == expected, root
    pyproject = (project / "pyproject.toml").read_text()
    assert f'target-version = "py3{oldest}"' in pyproject


def test_end_of_life_check_tells_dead_from_alive():
    assert alive(10, date(2026, 10, 31))
    assert not alive(10, date(2026, 11, 1))
    assert alive(14, date(2030, 10, 1))


def test_baked_ci_installs_with_a_pinned_cached_uv(baked):
    """uv, from an action pinned by commit that Dependabot keeps current after a week's wait;
    its cache spares the next run the downloads."""
    project = baked()
    steps = yaml.safe_load((project / ".github/workflows/ci.yml").read_text())["jobs"]["test"]
    steps = steps["steps"]
    setup_uv = [step for step in steps if step.get("uses", "").startswith("astral-sh/setup-uv@")]
    assert len(setup_uv) == 1
    assert re.fullmatch(r"astral-sh/setup-uv@[0-9a-f]{40}", setup_uv[0]["uses"])
    assert setup_uv[0]["with"]["enable-cache"] is True
    assert setup_uv[0]["with"]["activate-environment"] is True
    installs = [step["run"] for step in steps if " install " in step.get("run", "")]
    assert installs and all(run.startswith("uv pip install -e ") for run in installs), installs
    dependabot = yaml.safe_load((project / ".github/dependabot.yml").read_text())["updates"]
    actions = [update for update in dependabot if update["package-ecosystem"] == "github-actions"]
    assert actions and actions[0]["cooldown"]["default-days"] >= 7
