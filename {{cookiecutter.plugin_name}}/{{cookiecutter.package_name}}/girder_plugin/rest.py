"""The plugin's REST resource, ``/{{ cookiecutter.plugin_name }}``, and what its routes share.

Each module of the ``routes`` package holds the routes of one example and lists them
in ``ROUTES``; the resource mounts every route of every module present. A module that
must do more when Girder loads the plugin (bind an event) has a ``load(info)`` too. A
route checks its input before anything is queued: a bad request gets a 400 that says
what is allowed, and no job is created.
"""

from importlib import import_module
from pkgutil import iter_modules

from girder.api.rest import Resource
from girder.constants import AccessType
from girder.exceptions import RestException
from girder.models.file import File
from girder.models.item import Item

from {{ cookiecutter.package_name }}.analyses.tasks import MAX_N, check_n
from {{ cookiecutter.package_name }}.girder_plugin import routes

RESOURCE_NAME = "{{ cookiecutter.plugin_name }}"
N_DESCRIPTION = f"Which Fibonacci number: a whole number from 1 to {MAX_N}."


class TaskRoutes(Resource):
    """``/{{ cookiecutter.plugin_name }}``: the routes of every module in ``routes``."""

    def __init__(self):
        super().__init__()
        self.resourceName = RESOURCE_NAME
        for module in route_modules():
            for method, path, handler in module.ROUTES:
                self.route(method, path, handler)


def route_modules():
    """Every module of the ``routes`` package, imported."""
    names = [f"{routes.__name__}.{module.name}" for module in iter_modules(routes.__path__)]
    return [import_module(name) for name in names]


def whole_number(name, value):
    """The int that value spells; a 400 naming the parameter if it spells none."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise RestException(f"{name} must be a whole number, got {value!r}.") from None


def checked_n(value):
    """n as the tasks accept it, or a 400 that says what is allowed."""
    n = whole_number("n", value)
    try:
        check_n(n)
    except (TypeError, ValueError) as error:
        raise RestException(f"{error}.") from None
    return n


def from_file_to_item(description):
    """A route's description, with a file the user may read and an item they may write to."""
    return (
        description.modelParam(
            "fileId",
            "The file to read.",
            model=File,
            level=AccessType.READ,
            paramType="query",
            destName="file",
        )
        .modelParam(
            "itemId",
            "The item that receives the result.",
            model=Item,
            level=AccessType.WRITE,
            paramType="query",
            destName="item",
        )
        .errorResponse("You are not logged in.", 401)
        .errorResponse("You may not read the file or write to the item.", 403)
    )
