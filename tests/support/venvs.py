"""Virtual environments that hold one baked plugin each.

Installing girder_worker and its dependencies takes most of a minute, so it is
done once, into the environment that runs these tests. Each plugin then gets a
thin venv layered on top of it: its own site-packages (so its entry point is
seen only there) plus a .pth line that adds ours. Creating one takes well under
a second, and the plugin installs without touching the network (uv, in half of
pip's time: 0.9 s against 1.8 s).

A plugin author makes a whole venv with uv instead: uv_venv() does as they do.
"""

import importlib.metadata
import re
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

BASE_SITE_PACKAGES = sysconfig.get_paths()["purelib"]
# requirements-test.txt installs uv beside our python.
UV = Path(sys.executable).with_name("uv")


def _site_packages(python):
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.check_output([python, "-c", code], text=True).strip())


# What a worker host without the Girder server lacks.
GIRDER_DISTRIBUTIONS = (
    "girder",
    "girder-jobs",
    "girder-plugin-worker",
    "pytest-girder",
    "mongomock-ng",
)


def _site_packages_without(distributions, view):
    """A directory of links to our site-packages, less the files of these distributions."""
    left_out = {
        file.parts[0]
        for name in distributions
        for file in importlib.metadata.distribution(name).files or []
    }
    view.mkdir()
    for entry in Path(BASE_SITE_PACKAGES).iterdir():
        if entry.name not in left_out:
            (view / entry.name).symlink_to(entry)
    return view


def layered_venv(path, without=()):
    """Create a venv at path that also sees our site-packages, as if the distributions
    named in without were not installed; return its python."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(path)
    python = Path(path, "bin", "python")
    base = BASE_SITE_PACKAGES
    if without:
        base = str(_site_packages_without(without, Path(path, "base-site-packages")))
    line = f"import site; site.addsitedir({base!r})\n"
    (_site_packages(python) / "_layered_on_test_env.pth").write_text(line)
    return python


def run_uv(*args):
    run = subprocess.run([UV, *map(str, args)], capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(f"uv {' '.join(map(str, args))} failed:\n{run.stdout}{run.stderr}")


def install(python, project):
    """Install project editable into the venv of python, with no downloads."""
    run_uv(
        *("pip", "install", "--quiet", "--python", python, "--no-deps", "--no-build-isolation"),
        *("--offline", "--editable", project),
    )


def plugin_venv(path, project, without=()):
    """A layered venv at path with the baked project installed; return its python."""
    python = layered_venv(path, without)
    install(python, project)
    return python


def uv_venv(path, project, extras="test"):
    """A venv that uv makes and fills, as a plugin author would: `uv venv`, then
    `uv pip install -e '.[test]'` from the package index (uv's cache keeps it to seconds).
    It holds no pip. Return its python."""
    run_uv("venv", "--quiet", "--no-python-downloads", "--python", sys.executable, path)
    python = Path(path, "bin", "python")
    run_uv("pip", "install", "--quiet", "--python", python, "--editable", f"{project}[{extras}]")
    return python


def run_python(python, *args, cwd=None, env=None, timeout=600):
    return subprocess.run(
        [str(python), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_pytest(python, project, *args, env, processes=0, timeout=600):
    """Run a baked project's own tests; return the run and its outcome counts.

    In one process unless told otherwise: the template's suite runs several at once already.
    """
    run = run_python(
        python,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        "--numprocesses",
        str(processes),
        *args,
        cwd=project,
        env=env,
        timeout=timeout,
    )
    counts = dict.fromkeys(("passed", "failed", "skipped", "error", "deselected"), 0)
    outcomes = r"(\d+) (passed|failed|skipped|error|deselected)"
    for number, word in re.findall(outcomes, run.stdout.splitlines()[-1] if run.stdout else ""):
        counts[word] = int(number)
    return run, counts


def processes_started_by(python):
    """PIDs of live processes whose command line starts with this python."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv0 = (proc / "cmdline").read_bytes().split(b"\0", 1)[0].decode()
        except OSError:
            continue
        if argv0 == str(python):
            pids.append(int(proc.name))
    return pids
