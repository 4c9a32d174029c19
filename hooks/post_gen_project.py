"""Remove the files that the answers switched off.

Safe to run again on the same project (cruft re-runs hooks on every update):
removing what is already gone is not an error.
"""

import json
import shutil
from pathlib import Path

ANSWERS = r"""{{ cookiecutter | tojson }}"""

CI_FILES = (".github", ".pre-commit-config.yaml")


def unwanted_paths(answers):
    """The paths, relative to the project root, that these answers leave out."""
    paths = []
    if answers["license"] == "Proprietary":
        paths.append("LICENSE")
    if answers["ci"] == "none":
        paths.extend(CI_FILES)
    if not answers["progress_task"]:
        paths.append("tests/test_girder_jobs.py")
    if not answers["dedicated_queue"]:
        paths.append("tests/test_queue.py")
    package = answers["package_name"]
    if not answers["girder_io_task"]:
        paths += [f"{package}/analyses/files.py", "tests/test_files.py"]
    if not answers["docker_task"]:
        paths += [f"{package}/analyses/containers.py", "tests/test_containers.py"]
    return paths


def remove(root, relative_paths):
    for relative in relative_paths:
        path = Path(root, relative)
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def main(answers=None, root="."):
    if answers is None:
        answers = json.loads(ANSWERS)
    remove(root, unwanted_paths(answers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
