"""The template's hooks, imported unrendered as plain Python modules."""

import importlib.util

from support.baking import TEMPLATE_DIR


def import_hook(name):
    spec = importlib.util.spec_from_file_location(name, TEMPLATE_DIR / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pre_gen = import_hook("pre_gen_project")
post_gen = import_hook("post_gen_project")
