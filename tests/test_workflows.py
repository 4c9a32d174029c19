"""GitHub workflows and Dependabot files, baked and the template's own: secure by default
and valid against their schemas; every baked compose file and pyproject.toml valid too.
All offline."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.baking import TEMPLATE_DIR, case_id, option_cases

BIN = Path(sys.executable).parent
CASES = option_cases()
WITH_GITHUB = [case for case in CASES if case.get("ci", "github") == "github"]
SCHEMAS = {"vendor.github-workflows": "workflows/*.yml", "vendor.dependabot": "dependabot.yml"}


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
    files = [project / "compose.yaml" for project in baked_projects]
    assert_valid("vendor.compose-spec", [path for path in files if path.exists()])


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
