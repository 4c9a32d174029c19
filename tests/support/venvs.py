"""Virtual environments that hold one baked plugin each.

Installing girder_worker and its dependencies takes most of a minute, so it is
done once, into the environment that runs these tests. Each plugin then gets a
thin venv layered on top of it: its own site-packages (so its entry point is
seen only there) plus a .pth line that adds ours. Creating one takes well under
a second, and the plugin installs without touching the network.
"""

import re
import subprocess
import sysconfig
import venv
from pathlib import Path

BASE_SITE_PACKAGES = sysconfig.get_paths()["purelib"]


def _site_packages(python):
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.check_output([python, "-c", code], text=True).strip())


def layered_venv(path):
    """Create a venv at path that also sees our site-packages; return its python."""
    venv.EnvBuilder(with_pip=False, symlinks=True).create(path)
    python = Path(path, "bin", "python")
    line = f"import site; site.addsitedir({BASE_SITE_PACKAGES!r})\n"
    (_site_packages(python) / "_layered_on_test_env.pth").write_text(line)
    return python


def install(python, project):
    """pip install -e project into the venv of python, with no downloads."""
    run = run_python(
        python,
        *("-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation"),
        *("--no-index", "--editable", str(project)),
    )
    if run.returncode != 0:
        raise RuntimeError(f"pip could not install {project}:\n{run.stdout}{run.stderr}")


def plugin_venv(path, project):
    """A layered venv at path with the baked project installed; return its python."""
    python = layered_venv(path)
    install(python, project)
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


def run_pytest(python, project, *args, env, timeout=600):
    """Run a baked project's own tests; return the run and its outcome counts."""
    run = run_python(
        python,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "-q",
        *args,
        cwd=project,
        env=env,
        timeout=timeout,
    )
    counts = dict.fromkeys(("passed", "failed", "skipped", "error"), 0)
    for number, word in re.findall(r"(\d+) (passed|failed|skipped|error)", run.stdout):
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
