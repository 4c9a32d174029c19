import os

import pytest

from support import venvs
from support.baking import bake, shared_bake


def pytest_collection_modifyitems(items):
    """The runs of baked suites take a minute or two each, other tests that install a bake
    tens of seconds: they start first, and the many quick tests fill the gaps, instead of
    one long run at the end."""
    items.sort(
        key=lambda item: (
            not {"installed_plugin", "uv_venv_plugin"} & set(item.fixturenames),
            item.path.name != "test_worker_e2e.py",
        )
    )


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory):
    """A directory that every test process of this run shares, and no other run."""
    base = tmp_path_factory.getbasetemp()
    # pytest-xdist gives each test process a directory inside the run's own.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def baked(run_dir):
    """baked(**answers): the project those answers bake, baked once for the whole run and
    shared by every test that asks. Read it, never change it; bake() gives a project to change."""
    return lambda **answers: shared_bake(run_dir / "bakes", answers)


@pytest.fixture(scope="session")
def installed_plugin(cookies_session, tmp_path_factory):
    """Bake with the given answers once per session and install into its own venv.

    Returns a function of the answers that gives (project_path, python). A bake without
    the Girder plugin goes into a venv where Girder is not installed.
    """
    cache = {}

    def get(**answers):
        key = tuple(sorted(answers.items()))
        if key not in cache:
            result = bake(cookies_session, **answers)
            assert result.exception is None, result.exception
            without = venvs.GIRDER_DISTRIBUTIONS if answers.get("girder_plugin") is False else ()
            env_dir = tmp_path_factory.mktemp("venv")
            cache[key] = (
                result.project_path,
                venvs.plugin_venv(env_dir, result.project_path, without),
            )
        return cache[key]

    return get


@pytest.fixture(scope="session")
def uv_venv_plugin(cookies_session, tmp_path_factory):
    """uv_venv_plugin(**answers): (project_path, python) of a bake installed as its author would
    with uv, with its test extra, into a venv of its own that has no pip."""

    def get(**answers):
        result = bake(cookies_session, **answers)
        assert result.exception is None, result.exception
        env_dir = tmp_path_factory.mktemp("uv-venv") / ".venv"
        return result.project_path, venvs.uv_venv(env_dir, result.project_path)

    return get
