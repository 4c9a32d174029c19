"""A baked project's release, as its workflow makes it and as hosts install it.

The version is the git tag's. The release builds the pages, then the sdist and the wheel from
it; both pass the workflow's checks; and the wheel alone, installed where the sources are not,
runs on a worker host and in Girder. The workflow file itself is checked in test_workflows.py.
"""

import os
import re
import shutil

import pytest

from support import docker_engine, harness, release, venvs
from support.baking import bake_to
from support.brokers import without_test_brokers

pytestmark = pytest.mark.e2e

TAG, VERSION = "v1.2.3", "1.2.3"
PAGES = "gwexample/girder_plugin/web_client/"
BUILT_PAGES = [f"{PAGES}dist/girder-plugin-gwexample.umd.cjs", f"{PAGES}dist/style.css"]


@pytest.mark.parametrize(
    ("history", "expected"),
    [
        ([TAG], re.escape(VERSION)),
        ([TAG, None], r"1\.2\.4\.dev1\+g[0-9a-f]+"),
        ([], r"2\.5\.0"),
    ],
    ids=["history=tagged", "history=a-commit-after-the-tag", "history=none"],
)
def test_the_wheels_version_comes_from_git(tmp_path, history, expected):
    """Tagged v1.2.3, it builds 1.2.3; a commit later, a dev version of the next; with no git
    history at all, the version answered at the bake."""
    project = bake_to(tmp_path, version="2.5.0")
    for tag in history:
        release.commit(project, tag)
    [wheel] = release.build(project, tmp_path / "dist", "--wheel", isolated=False)
    assert re.fullmatch(rf"gwexample-{expected}-py3-none-any\.whl", wheel.name), wheel.name


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The default bake, tagged v1.2.3 and released as its workflow releases it: (project,
    sdist, wheel)."""
    release.require_npm("the release of the default bake")
    project = bake_to(tmp_path_factory.mktemp("release"))
    release.commit(project, TAG)
    release.build_pages(project, "gwexample")
    sdist, wheel = release.build(project, tmp_path_factory.mktemp("dist"))
    return project, sdist, wheel


def test_release_passes_the_workflows_checks(released):
    project, sdist, wheel = released
    assert sdist.name == f"gwexample-{VERSION}.tar.gz"
    assert wheel.name == f"gwexample-{VERSION}-py3-none-any.whl"
    release.check(project, [sdist, wheel])


def test_release_ships_the_built_pages_and_no_sources(released):
    """The wheel and the sdist hold the pages' build; neither their sources nor node_modules."""
    _, sdist, wheel = released
    for files in (release.wheel_files(wheel), release.sdist_files(sdist)):
        assert [name for name in files if name.startswith(PAGES)] == BUILT_PAGES
    assert not [name for name in release.wheel_files(wheel) if name.startswith("tests/")]


def test_the_sdists_wheel_is_the_trees_wheel(released, tmp_path):
    """The release's wheel, built from its sdist, holds the same files as one built from the
    tree: the sdist leaves nothing out."""
    project, _, wheel = released
    [from_tree] = release.build(project, tmp_path, "--wheel")
    assert release.wheel_files(from_tree) == release.wheel_files(wheel)


def copy_without_the_package(project, destination):
    """The project less its package: the tests and what they read, away from the sources."""
    destination.mkdir()
    for name in ("tests", "docs"):
        shutil.copytree(project / name, destination / name)
    for name in ("pyproject.toml", "README.md", "example_client.py"):
        shutil.copy(project / name, destination / name)
    return destination


def test_the_wheel_alone_serves_on_a_worker_host(released, tmp_path):
    """`pip install gwexample` from the wheel, nothing else: its worker lists the task and the
    example client gets 121393."""
    project, _, wheel = released
    python = release.host_venv(tmp_path / "venv", wheel)
    probe = venvs.run_python(
        python, "-c", "import gwexample; print(gwexample.__version__, gwexample.__file__)"
    )
    version, location = probe.stdout.split()
    assert version == VERSION
    assert "site-packages" in location and not location.startswith(str(project)), location
    elsewhere = copy_without_the_package(project, tmp_path / "host")
    baked = harness.workers(project)
    env = baked.worker_environment(baked.broker_environment(tmp_path / "broker"))
    with baked.running_worker(
        env, tmp_path / "worker.log", worker_type=harness.worker_type(project, python)
    ) as worker:
        assert "gwexample.analyses.tasks.fibonacci" in worker.registered_tasks()
        client = venvs.run_python(python, "example_client.py", cwd=elsewhere, env=env)
    assert client.stdout.strip() == "121393", client.stderr + worker.log_tail()


def test_girder_runs_the_plugin_from_the_wheel_alone(released, tmp_path):
    """`pip install 'gwexample[girder]'` from the wheel (with the test extra, to run its tests):
    Girder lists the plugin at the release's version, and the baked tests of the routes, the
    served pages and the worker pass against it, away from the sources."""
    project, _, wheel = released
    python = release.host_venv(tmp_path / "venv", f"gwexample[test] @ {wheel.as_uri()}")
    probe = venvs.run_python(
        python, "-c", "from girder.plugin import getPlugin; print(getPlugin('gwexample').version)"
    )
    assert probe.stdout.strip() == VERSION, probe.stderr
    elsewhere = copy_without_the_package(project, tmp_path / "host")
    tests = ["tests/test_girder.py", "tests/test_web_client.py", "tests/test_worker.py"]
    run, counts = venvs.run_pytest(
        python, elsewhere, "-m", "not browser", *tests, env=without_test_brokers()
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert counts["failed"] == counts["error"] == counts["skipped"] == 0, run.stdout[-3000:]
    assert counts["passed"] > 0


def test_the_released_worker_image_carries_the_version(tmp_path):
    """With deployment=yes, the image built from the release's wheel is labelled with its
    version and holds it; a build told another version fails."""
    docker_engine.require("the worker image of a release")
    import docker
    from docker.errors import BuildError

    project = bake_to(tmp_path / "bake", deployment=True)
    release.commit(project, TAG)
    [wheel] = release.build(project, tmp_path / "dist", "--wheel", isolated=False)
    engine = docker.from_env()
    build = harness.module(project, "docker").build_worker_image
    context = tmp_path / "context"
    context.mkdir()
    base_image = os.environ["GW_TEST_PYTHON_IMAGE"]
    image, _ = build(engine, context, base_image, project, wheel=wheel, version=VERSION)
    try:
        assert image.labels["org.opencontainers.image.version"] == VERSION
        shown = engine.containers.run(image, ["pip", "show", "gwexample"], remove=True)
        assert f"Version: {VERSION}" in shown.decode().splitlines()
        with pytest.raises(BuildError) as refused:
            build(engine, context, base_image, project, wheel=wheel, version="9.9.9")
        log = "".join(entry.get("stream", "") for entry in refused.value.build_log)
        assert "VERSION is 9.9.9, but the wheels hold another version of gwexample" in log
    finally:
        engine.images.remove(image.id, force=True)
        engine.close()
