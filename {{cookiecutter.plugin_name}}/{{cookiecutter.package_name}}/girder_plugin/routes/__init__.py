"""The plugin's REST resource, ``/{{ cookiecutter.plugin_name }}``: the routes of every module here.

Each module lists its routes as ``ROUTES = [(method, path, handler)]``; one that must do more
when Girder loads the plugin (bind an event) has a ``load(info)`` too. ``described`` makes a
route for every described task; ``jobs`` answers what a page needs of a job{% if cookiecutter.deployment %}; ``status`` tells
admins how a deployment fares{% endif %}. A task that needs more than its description gives keeps a
route module of its own here{% if cookiecutter.docker_task %}, as ``containers`` does{% endif %}.
"""

from importlib import import_module
from pkgutil import iter_modules

from girder.api.rest import Resource

RESOURCE_NAME = "{{ cookiecutter.plugin_name }}"


class TaskRoutes(Resource):
    """``/{{ cookiecutter.plugin_name }}``: the routes of every module of this package."""

    def __init__(self):
        super().__init__()
        self.resourceName = RESOURCE_NAME
        for module in route_modules():
            for method, path, handler in module.ROUTES:
                self.route(method, path, handler)


def route_modules():
    """Every module of this package, imported."""
    return [import_module(f"{__name__}.{module.name}") for module in iter_modules(__path__)]
