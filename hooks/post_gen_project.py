"""Remove the files that the answers switched off.

``OPTIONAL_PATHS`` is the one place that says which files each answer brings; the
template's tests read it too. Safe to run again on the same project (cruft re-runs
hooks on every update): removing what is already gone is not an error.
"""

import json
import os

ANSWERS = r"""{{ cookiecutter | tojson }}"""

#: The home of an optional example: its files, all named after it. Nothing outside
#: them mentions the example; each part finds the examples present by itself.
EXAMPLE_HOME = [
    "{package}/analyses/{example}.py",  # its tasks, listed by the plugin class
    "{package}/girder_plugin/routes/{example}.py",  # its routes, mounted by the REST resource
    "tests/test_{example}.py",  # its tests
    "docs/examples/{example}.md",  # its page of the docs
]


def example(name):
    return [path.replace("{example}", name) for path in EXAMPLE_HOME]


#: question -> (are the paths wanted for this answer?, paths relative to the project root).
#: "{package}" stands for the package name.
OPTIONAL_PATHS = {
    "license": (lambda answer: answer != "Proprietary", ["LICENSE"]),
    "ci": (lambda answer: answer == "github", [".github", ".pre-commit-config.yaml"]),
    "girder_plugin": (
        bool,
        [
            "{package}/girder_plugin",
            "docs/girder.md",
            "tests/test_girder.py",
            "tests/harness/girder.py",
            "tests/harness/tasks.py",
        ],
    ),
    "dedicated_queue": (bool, ["tests/test_queue.py"]),
    "progress_task": (bool, example("sequence")),
    "girder_io_task": (bool, example("files")),
    "docker_task": (bool, example("containers")),
    "girder_client_task": (bool, example("metadata")),
}


def unwanted_paths(answers):
    """The paths, relative to the project root, that these answers leave out."""
    paths = []
    for question, (wanted, question_paths) in OPTIONAL_PATHS.items():
        if not wanted(answers[question]):
            paths += question_paths
    return [path.format(package=answers["package_name"]) for path in paths]


def remove(root, relative_paths):
    for relative in relative_paths:
        path = os.path.join(root, relative)
        if os.path.isdir(path):
            # Imported only here: the default answers remove files alone, and importing
            # shutil (it pulls in compression modules) costs more than removing them.
            import shutil

            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.remove(path)
            # A folder that only switched-off files filled (docs/examples) goes with them.
            folder = os.path.dirname(path)
            if os.path.isdir(folder) and not os.listdir(folder):
                os.rmdir(folder)


def main(answers=None, root="."):
    if answers is None:
        answers = json.loads(ANSWERS)
    remove(root, unwanted_paths(answers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
