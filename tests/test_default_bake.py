"""The default answers reproduce the names and the promise of the seed plugin, gwexample."""

import ast

from support.hooks import post_gen

SEED_FILES = {
    "setup.py",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    ".gitignore",
    "example_client.py",
    "gwexample/__init__.py",
    "gwexample/analyses/__init__.py",
    "gwexample/analyses/tasks.py",
    "tests/conftest.py",
    "tests/test_plugin.py",
    "tests/test_worker.py",
}


def setup_call(project):
    tree = ast.parse((project / "setup.py").read_text())
    call = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "setup"
    )
    return {kw.arg: kw.value for kw in call.keywords}


def test_default_bake_is_gwexample_with_the_plugin_files(baked):
    project = baked()
    assert project.name == "gwexample"
    files = {p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file()}
    assert files >= SEED_FILES


def test_the_default_entry_point_is_the_seeds(baked):
    project = baked()
    arguments = setup_call(project)
    assert ast.literal_eval(arguments["name"]) == "gwexample"
    entry_points = ast.literal_eval(arguments["entry_points"])
    assert entry_points["girder_worker_plugins"] == ["gwexample = gwexample:GWExamplePlugin"]
    # The Girder half goes by the same name.
    assert entry_points["girder.plugin"] == [
        "gwexample = gwexample.girder_plugin:GWExampleGirderPlugin"
    ]


def test_the_default_plugin_class_is_the_seeds(baked):
    tree = ast.parse((baked() / "gwexample/__init__.py").read_text())
    plugin = next(node for node in tree.body if isinstance(node, ast.ClassDef))
    assert plugin.name == "GWExamplePlugin"
    assert [base.id for base in plugin.bases] == ["GirderWorkerPluginABC"]


def test_default_task_is_fibonacci_in_analyses_tasks(baked):
    tree = ast.parse((baked() / "gwexample/analyses/tasks.py").read_text())
    assert "fibonacci" in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}


def test_the_default_bake_holds_no_deployment_file(baked):
    """Deployment tooling is for some authors only: it comes with deployment=yes."""
    project = baked()
    for path in post_gen.DEPLOYMENT:
        assert not list(project.glob(path.format(package="gwexample"))), path
    assert "doctor" not in (project / "README.md").read_text()
