"""Derived names (the local extension) and names a package may not take."""

import ast
import importlib.metadata
import sys

import pytest
from packaging.requirements import Requirement

from support.baking import EVERY_OPTION, TEMPLATE_DIR, text_files
from support.hooks import pre_gen

sys.path.insert(0, str(TEMPLATE_DIR))
import local_extensions  # noqa: E402  (cookiecutter loads it from the template root)

ROOTS = ("girder-worker", "girder", "girder-jobs", "girder-plugin-worker")


CLASS_NAMES = [
    ("gwexample", "GWExamplePlugin"),
    ("image_tools", "ImageToolsPlugin"),
    ("gw", "GwPlugin"),
    ("gw_io", "GwIoPlugin"),
    ("a__b", "ABPlugin"),
    # A package already named for a plugin does not get "Plugin" twice.
    ("my_plugin", "MyPlugin"),
    ("image_tools_plugin", "ImageToolsPlugin"),
    ("myplugin", "MyPlugin"),
    ("gwexampleplugin", "GWExamplePlugin"),
    ("gw_plugin", "GwPlugin"),
    ("plugin", "Plugin"),
    ("plugins", "PluginsPlugin"),
]


@pytest.mark.parametrize(
    ("package", "expected"), CLASS_NAMES, ids=[f"{p}->{c}" for p, c in CLASS_NAMES]
)
def test_the_plugin_class_is_derived_from_the_package_name(package, expected):
    assert local_extensions.class_name(package) == expected


GIRDER_CLASS_NAMES = [
    ("GWExamplePlugin", "GWExampleGirderPlugin"),
    ("MyPlugin", "MyGirderPlugin"),
    ("Fibber", "FibberGirderPlugin"),
    # Not GirderPlugin: that is the base class it extends.
    ("Plugin", "PluginGirderPlugin"),
]


@pytest.mark.parametrize(
    ("plugin_class", "expected"),
    GIRDER_CLASS_NAMES,
    ids=[f"{p}->{g}" for p, g in GIRDER_CLASS_NAMES],
)
def test_girder_plugin_class_sits_beside_the_worker_plugin(plugin_class, expected):
    assert local_extensions.girder_class_name(plugin_class) == expected


def test_my_plugin_bakes_my_plugin_and_my_girder_plugin(baked):
    """A plugin named my-plugin bakes the classes MyPlugin and MyGirderPlugin."""
    files = text_files(baked(plugin_name="my-plugin"))
    python = "\n".join(text for path, text in files.items() if path.endswith(".py"))
    assert "class MyPlugin(GirderWorkerPluginABC):" in python
    assert "class MyGirderPlugin(GirderPlugin):" in python
    assert "PluginPlugin" not in python


def top_level_modules(distribution):
    listed = distribution.read_text("top_level.txt")
    if listed:
        return set(listed.split())
    names = set()
    for file in distribution.files or []:
        first = file.parts[0]
        if first.endswith((".dist-info", ".data")) or first in ("..", "__pycache__"):
            continue
        if len(file.parts) > 1 or first.endswith(".py"):
            names.add(first.removesuffix(".py"))
    return names


def dependency_closure(roots):
    """Every installed distribution that roots need (no extras), roots included."""
    seen, todo = {}, list(roots)
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-").replace(".", "-")
        if key in seen:
            continue
        distribution = importlib.metadata.distribution(name)
        seen[key] = distribution
        for requirement in map(Requirement, distribution.requires or []):
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen.values()


def test_package_name_of_an_imported_module_is_refused():
    """Every module that a worker or Girder imports is refused as a package name."""
    modules = {
        module
        for distribution in dependency_closure(ROOTS)
        for module in top_level_modules(distribution)
        if module.isidentifier() and module.islower() and not module.startswith("_")
    }
    assert "girder_plugin_worker" in modules, "the walk must reach Girder's worker plugin"
    assert modules - pre_gen.SHADOWED_MODULES == set()


# A reader scans test names in pytest's output; the why goes into a docstring.
LONGEST_TEST_NAME = 60
TEST_SUITES = {
    "bake=every-option": lambda baked: baked(**EVERY_OPTION) / "tests",
    # The branches that only a bake without the Girder half renders.
    "bake=every-option-girder_plugin=False": lambda baked: (
        baked(**EVERY_OPTION | {"girder_plugin": False}) / "tests"
    ),
    "template": lambda baked: TEMPLATE_DIR / "tests",
}


def names_of_tests(tests_dir):
    """(file, name) of every test function and method in the Python files under tests_dir."""
    return [
        (path.relative_to(tests_dir).as_posix(), node.name)
        for path in sorted(tests_dir.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path)))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    ]


@pytest.mark.parametrize("suite", TEST_SUITES)
def test_no_test_name_is_longer_than_60_characters(baked, suite):
    names = names_of_tests(TEST_SUITES[suite](baked))
    assert names, "no test function found"
    assert [(file, name) for file, name in names if len(name) > LONGEST_TEST_NAME] == []
