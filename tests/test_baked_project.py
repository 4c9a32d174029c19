"""The baked project installs with pip like any package (its own suite runs in test_worker_e2e)."""

import subprocess

import pytest

from support import venvs
from support.baking import bake


@pytest.mark.e2e
def test_regular_install_registers_the_plugin(cookies, tmp_path):
    """A regular (not editable) install registers the plugin, outside the source tree."""
    project = bake(cookies, plugin_name="image_tools").project_path
    python = venvs.layered_venv(tmp_path / "venv")
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(project)],
        check=True,
    )
    probe = (
        "from girder_worker.entrypoint import get_extensions, get_plugin_task_modules;"
        "print(*get_extensions(), *get_plugin_task_modules())"
    )
    run = venvs.run_python(python, "-c", probe, cwd=tmp_path)
    found = run.stdout.split()
    assert "image_tools" in found, run.stderr
    assert "image_tools.analyses.tasks" in found
