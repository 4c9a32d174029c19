"""The Girder server half of {{ cookiecutter.package_name }}: REST routes that schedule its tasks{% if cookiecutter.web_client %}, and its pages
in Girder's web client{% endif %}.

Girder loads this plugin through the ``girder.plugin`` entry point of the same name
as the worker plugin. It needs the server packages: ``pip install '{{ cookiecutter.distribution_name }}[girder]'``.
"""

{% if cookiecutter.web_client %}
import logging
from pathlib import Path

from girder.plugin import GirderPlugin, getPlugin, registerPluginStaticContent
{% else %}
from girder.plugin import GirderPlugin, getPlugin
{% endif %}

from {{ cookiecutter.package_name }}.girder_plugin.routes import RESOURCE_NAME, TaskRoutes, route_modules
{% if cookiecutter.girder_client_task %}
from {{ cookiecutter.package_name }}.girder_plugin.tokens import delete_the_tokens_of_ended_jobs
{% endif %}
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
        # Some route modules also bind Girder events, which must happen now.
        for module in route_modules():
            if hasattr(module, "load"):
                module.load(info)
{% if cookiecutter.girder_client_task %}
        delete_the_tokens_of_ended_jobs()
{% endif %}
{% if cookiecutter.web_client %}
        register_web_client(info)


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
