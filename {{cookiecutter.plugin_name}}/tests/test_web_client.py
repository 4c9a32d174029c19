"""The web client as Girder serves it and as the package ships it: built, without sources."""

import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from urllib.request import urlopen

import pytest
from harness import PROJECT_ROOT

from {{ cookiecutter.package_name }}.girder_plugin import WEB_CLIENT_CSS, WEB_CLIENT_JS

DIST = "{{ cookiecutter.package_name }}/girder_plugin/web_client/dist"


def test_unbuilt_web_client_is_left_out_with_a_warning(monkeypatch, tmp_path, caplog):
    """An unbuilt web client is left out with a warning; the routes stay."""
    from girder.plugin import getPluginStaticContent

    import {{ cookiecutter.package_name }}.girder_plugin as plugin

    monkeypatch.setattr(plugin, "WEB_CLIENT_DIST", tmp_path)
    plugin.register_web_client({"serverRoot": None})
    assert "run `npm ci && npm run build`" in caplog.text
    assert "{{ cookiecutter.plugin_name }}" not in getPluginStaticContent()


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_girder_lists_and_serves_the_script_and_style(web_client, boundServer):
    """Girder lists the plugin's script and style sheet, and serves them."""
    root = f"http://127.0.0.1:{boundServer.boundPort}"
    with urlopen(f"{root}/api/v1/system/plugin_static_files") as response:
        listed = json.load(response)
    mine = [
        url for url in listed["js"] + listed["css"] if url.startswith("plugin_static/{{ cookiecutter.plugin_name }}/")
    ]
    assert [url.split("?")[0] for url in mine] == [
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_JS}",
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_CSS}",
    ]
    for url in mine:
        with urlopen(f"{root}/{url}") as served:
            assert served.status == 200, url


@pytest.mark.e2e
def test_packages_hold_the_built_web_client_only(web_client, tmp_path):
    """The wheel and the sdist ship the built pages, never their sources or node_modules."""
    # A copy, node_modules included, so that the build leaves nothing in the project.
    project = tmp_path / "project"
    shutil.copytree(
        PROJECT_ROOT,
        project,
        symlinks=True,
        ignore=shutil.ignore_patterns("build", "*.egg-info", ".git", ".venv", "test-results"),
    )
    assert (project / "{{ cookiecutter.package_name }}/girder_plugin/web_client/node_modules").is_dir()
    # As a release builds it, in an isolated environment: uv makes it where there is one (a venv
    # made by uv has no pip), pip otherwise.
    installer = "uv" if shutil.which("uv") else "pip"
    build = [sys.executable, "-m", "build", "--sdist", "--wheel", "--installer", installer]
    run = subprocess.run(
        [*build, "--outdir", tmp_path, project],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (wheel,) = tmp_path.glob("*.whl")
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        in_sdist = [file.name.split("/", 1)[1] for file in archive.getmembers() if file.isfile()]
    for names in (zipfile.ZipFile(wheel).namelist(), in_sdist):
        client = [name for name in names if "web_client/" in name]
        assert sorted(client) == [f"{DIST}/{WEB_CLIENT_JS}", f"{DIST}/{WEB_CLIENT_CSS}"]
