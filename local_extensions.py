"""Derived defaults of cookiecutter.json, as plain functions with tests.

cookiecutter loads this module by its ``_extensions`` entry and exposes each
filter to the Jinja expressions of cookiecutter.json.
"""

from jinja2.ext import Extension


def class_name(package_name):
    """The plugin class for a package name: image_tools -> ImageToolsPlugin.

    A leading "gw" stays upper case, as girder_worker spells it: gwexample -> GWExamplePlugin.
    The name ends in "Plugin" once, even when the package's does: my_plugin -> MyPlugin.
    """
    words = [word for word in package_name.removesuffix("plugin").split("_") if word]
    if not words:
        return "Plugin"
    first, rest = words[0], words[1:]
    if first.startswith("gw") and first != "gw":
        first = "GW" + first[2:].capitalize()
    else:
        first = first.capitalize()
    return first + "".join(word.capitalize() for word in rest) + "Plugin"


def girder_class_name(plugin_class):
    """The Girder plugin class for GWExamplePlugin -> GWExampleGirderPlugin.

    Plugin keeps its whole name, PluginGirderPlugin: GirderPlugin is the base class it extends.
    """
    return (plugin_class.removesuffix("Plugin") or plugin_class) + "GirderPlugin"


class NamesExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.filters["class_name"] = class_name
        environment.filters["girder_class_name"] = girder_class_name
