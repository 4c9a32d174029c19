"""Remove the files that the answers switched off.

``OPTIONAL_PATHS`` is the one place that says which files each answer brings; the
template's tests read it too. Safe to run again on the same project (cruft re-runs
hooks on every update): removing what is already gone is not an error.
"""

import glob
import json
import os

ANSWERS = r"""{{ cookiecutter | tojson }}"""

#: The home of an optional example: its files, all named after it. Nothing outside
#: them mentions the example; each part finds the examples present by itself.
EXAMPLE_HOME = [
    "{package}/analyses/{example}.py",  # its tasks, described: their routes and pages follow
    "tests/test_{example}.py",  # its tests
    "tests/test_web_{example}.py",  # its page's tests, in a real browser
    "docs/examples/{example}.md",  # its page of the docs
]
# What the web client brings; the Girder half brings it too, so it goes with either.
WEB_CLIENT = [
    "{package}/girder_plugin/web_client",
    "MANIFEST.in",
    "tests/harness/browser.py",
    "tests/test_web_*.py",
]
# The deployment kit: the worker image, compose, and the doctor that checks a deployment.
DEPLOYMENT = [
    "Dockerfile",
    ".dockerignore",
    "compose.yaml",
    "compose.workers.yaml",
    "broker",
    "docs/deployment.md",
    "{package}/doctor.py",
    "{package}/probe.py",
    "{package}/girder_plugin/status.py",
    "tests/test_doctor.py",
    "tests/test_image.py",
    "tests/test_compose.py",
    "tests/harness/compose.py",
]
#: Paths that several answers bring: kept while any one of them is on.
SHARED_PATHS = {
    "tests/harness/docker.py": ("docker_task", "deployment"),
}


#: What an example adds where its description cannot make its route and its page.
BY_HAND = [
    "{package}/girder_plugin/{example}.py",  # its routes, mounted by the REST resource
    "{package}/girder_plugin/web_client/src/pages/{example}.js",  # found by main.js
]


def example(name, home=EXAMPLE_HOME):
    return [path.replace("{example}", name) for path in home]


#: question -> (are the paths wanted for this answer?, paths relative to the project root,
#: or glob patterns). "{package}" stands for the package name.
OPTIONAL_PATHS = {
    "license": (lambda answer: answer != "Proprietary", ["LICENSE"]),
    "ci": (lambda answer: answer == "github", [".github", ".pre-commit-config.yaml"]),
    "girder_plugin": (
        bool,
        [
            "{package}/girder_plugin",
            "{package}/dev_girder.py",
            "docs/girder.md",
            "tests/test_girder.py",
            "tests/harness/girder.py",
            *WEB_CLIENT,
        ],
    ),
    "web_client": (bool, WEB_CLIENT),
    "dedicated_queue": (bool, ["tests/test_queue.py"]),
    "deployment": (bool, DEPLOYMENT),
    "progress_task": (bool, example("sequence")),
    "girder_io_task": (bool, example("files")),
    # Its page is a panel on an item's page, from the item's Actions menu.
    "docker_task": (
        bool,
        [
            *example("containers"),
            *example("containers", BY_HAND),
            "{package}/girder_plugin/web_client/src/filetask.js",
        ],
    ),
    "girder_client_task": (bool, example("metadata")),
}


def unwanted_paths(answers):
    """The paths, relative to the project root, that these answers leave out."""
    paths = []
    for question, (wanted, question_paths) in OPTIONAL_PATHS.items():
        if not wanted(answers[question]):
            paths += question_paths
    for path, questions in SHARED_PATHS.items():
        if not any(answers[question] for question in questions):
            paths.append(path)
    return [path.format(package=answers["package_name"]) for path in paths]


def remove(root, relative_paths):
    for pattern in relative_paths:
        for path in glob.glob(os.path.join(glob.escape(root), pattern)):
            remove_path(path)


def remove_path(path):
    if os.path.isdir(path):
        # Imported only here: the default answers remove files alone, and importing
        # shutil (it pulls in compression modules) costs more than removing them.
        import shutil

        shutil.rmtree(path)
        return
    os.remove(path)
    # A folder that only switched-off files filled (docs/examples) goes with them.
    folder = os.path.dirname(path)
    if not os.listdir(folder):
        os.rmdir(folder)


def main(answers=None, root="."):
    if answers is None:
        answers = json.loads(ANSWERS)
    remove(root, unwanted_paths(answers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
