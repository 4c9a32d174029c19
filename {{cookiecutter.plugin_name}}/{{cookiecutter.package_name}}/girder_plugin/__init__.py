"""The Girder server half of {{ cookiecutter.package_name }}: REST routes that schedule its tasks{% if cookiecutter.web_client %}, and its pages
in Girder's web client{% endif %}.

Girder loads this plugin through the ``girder.plugin`` entry point of the same name
as the worker plugin. It needs the server packages: ``pip install '{{ cookiecutter.distribution_name }}[girder]'``.

Its REST resource, ``/{{ cookiecutter.plugin_name }}``, holds the routes of every module of this package that
lists them as ``ROUTES = [(method, path, handler)]``: ``described`` makes one for every described
task, ``jobs`` answers what a page needs of a job{% if cookiecutter.deployment %}, ``status`` tells admins how a deployment fares{% endif %}. A task
that needs more than its description gives has a module of its own here{% if cookiecutter.docker_task %}, as ``containers`` does{% endif %}.
A module that must do more when Girder loads the plugin (bind an event) has a ``load(info)``.
"""

{% if cookiecutter.web_client %}
import logging
{% endif %}
from importlib import import_module
{% if cookiecutter.web_client %}
from pathlib import Path
{% endif %}
from pkgutil import iter_modules

from girder.api.rest import Resource
{% if cookiecutter.web_client %}
from girder.plugin import GirderPlugin, getPlugin, registerPluginStaticContent
{% else %}
from girder.plugin import GirderPlugin, getPlugin
{% endif %}

RESOURCE_NAME = "{{ cookiecutter.plugin_name }}"
{% if cookiecutter.web_client %}

logger = logging.getLogger(__name__)

#: The web client's build (web_client/, ``npm ci && npm run build``): what the wheel ships.
WEB_CLIENT_DIST = Path(__file__).parent / "web_client" / "dist"
WEB_CLIENT_JS = "girder-plugin-{{ cookiecutter.plugin_name | lower }}.umd.cjs"
WEB_CLIENT_CSS = "style.css"
{% endif %}


class {{ cookiecutter.plugin_class | girder_class_name }}(GirderPlugin):
    DISPLAY_NAME = "{{ cookiecutter.plugin_name }}"

    def load(self, info):
        # The worker plugin sends the tasks and follows their jobs.
        getPlugin("worker").load(info)
        setattr(info["apiRoot"], RESOURCE_NAME, TaskRoutes())
        for module in modules():
            if hasattr(module, "load"):
                module.load(info)
{% if cookiecutter.web_client %}
        register_web_client(info)
{% endif %}


class TaskRoutes(Resource):
    """``/{{ cookiecutter.plugin_name }}``: the routes of every module of this package."""

    def __init__(self):
        super().__init__()
        self.resourceName = RESOURCE_NAME
        for module in modules():
            for method, path, handler in getattr(module, "ROUTES", []):
                self.route(method, path, handler)


def modules():
    """Every module of this package, imported."""
    return [import_module(f"{__name__}.{module.name}") for module in iter_modules(__path__)]
{% if cookiecutter.web_client %}


def register_web_client(info):
    """Have Girder's web client load this plugin's pages, if they are built.

    An unbuilt client (a source checkout before ``npm run build``) leaves the routes working
    and the pages out. Registering files that are not there would break more: Girder reads
    each one as it registers it, and its web client stays blank while a script is missing.
    """
    if not (WEB_CLIENT_DIST / WEB_CLIENT_JS).is_file():
        logger.warning(
            "{{ cookiecutter.plugin_name }}: no web client in %s; run `npm ci && npm run build` in %s",
            WEB_CLIENT_DIST,
            WEB_CLIENT_DIST.parent,
        )
        return
    registerPluginStaticContent(
        plugin="{{ cookiecutter.plugin_name }}",
        css=[f"/{WEB_CLIENT_CSS}"],
        js=[f"/{WEB_CLIENT_JS}"],
        staticDir=WEB_CLIENT_DIST,
        tree=info["serverRoot"],
    )
{% endif %}
