"""A baked project's release, made as its workflow makes it: a tagged commit, the pages built
from their lock file, the sdist and then the wheel from it, and the checks both must pass."""

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from support import parts, venvs

BIN = Path(sys.executable).parent
GIT = ["git", "-c", "user.name=Jane Doe", "-c", "user.email=jane.doe@example.com"]


def run(command, cwd, env=None, timeout=600):
    """Run command in cwd; its output is the assertion's message if it fails."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def commit(project, tag=None):
    """Commit everything in project, in a repository made on the first call; tag it if given."""
    if not (project / ".git").is_dir():
        run([*GIT, "init", "--quiet"], project)
    run([*GIT, "add", "--all"], project)
    run([*GIT, "commit", "--quiet", "--allow-empty", "--message", "A change"], project)
    if tag:
        run([*GIT, "tag", tag], project)


def require_npm(case):
    """The release builds the pages with npm, as the browser tests do (GW_TEST_REQUIRE_BROWSER)."""
    problem = None if shutil.which("npm") else "the pages build with npm: install Node.js and npm"
    parts.require(case, "a release with its pages", problem, "GW_TEST_REQUIRE_BROWSER")


def build_pages(project, package):
    web_client = project / package / "girder_plugin" / "web_client"
    run(["npm", "ci", "--no-audit", "--no-fund"], web_client)
    run(["npm", "run", "build"], web_client)


def build(project, outdir, *options, isolated=True):
    """``python -m build`` as the release runs it: the sdist, then the wheel from it (or what
    options ask for). Isolated, it installs the build system as pip would (with uv, where there
    is one); else it takes ours. Returns the files it made, the sdist first."""
    outdir.mkdir(parents=True, exist_ok=True)
    isolation = ["--installer", "uv"] if isolated else ["--no-isolation"]
    env = os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    command = [sys.executable, "-m", "build", *isolation, *options, "--outdir", outdir, project]
    run(command, project, env=env)
    return sorted(outdir.iterdir(), key=lambda path: path.suffix == ".whl")


def check(project, dist):
    """The release workflow's checks: PyPI's for both files, check-wheel-contents' for the wheel
    (with the project's own settings, read from where it runs)."""
    run([BIN / "twine", "check", "--strict", *dist], project)
    run([BIN / "check-wheel-contents", *(path for path in dist if path.suffix == ".whl")], project)


def wheel_files(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return sorted(archive.namelist())


def sdist_files(sdist):
    """The files of an sdist, by path inside its top folder."""
    with tarfile.open(sdist) as archive:
        files = [entry.name for entry in archive.getmembers() if entry.isfile()]
    return sorted(name.split("/", 1)[1] for name in files)


def host_venv(path, requirement):
    """A venv that uv makes and fills with requirement from the index, as a host installs a
    release (a wheel file here); return its python."""
    venvs.run_uv("venv", "--quiet", "--no-python-downloads", "--python", sys.executable, path)
    python = Path(path, "bin", "python")
    venvs.run_uv("pip", "install", "--quiet", "--python", python, requirement)
    return python
