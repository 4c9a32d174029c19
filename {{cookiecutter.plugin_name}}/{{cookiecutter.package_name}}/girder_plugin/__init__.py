"""The Girder server half of {{ cookiecutter.package_name }}: REST routes that schedule its tasks.

Girder loads this plugin through the ``girder.plugin`` entry point of the same name
as the worker plugin. It needs the server packages: ``pip install '{{ cookiecutter.distribution_name }}[girder]'``.
"""

from girder.plugin import GirderPlugin, getPlugin

from {{ cookiecutter.package_name }}.girder_plugin.rest import (
    RESOURCE_NAME,
    TaskRoutes,
    route_modules,
)


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
