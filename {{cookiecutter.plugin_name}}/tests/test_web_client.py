"""The web client as Girder serves it: the built script and style sheet, or nothing."""

import json
from urllib.request import urlopen

import pytest

from {{ cookiecutter.package_name }}.girder_plugin import WEB_CLIENT_CSS, WEB_CLIENT_DIST, WEB_CLIENT_JS


def test_unbuilt_web_client_is_left_out_with_a_warning(monkeypatch, tmp_path, caplog):
    """An unbuilt web client is left out with a warning; the routes stay."""
    from girder.plugin import getPluginStaticContent

    import {{ cookiecutter.package_name }}.girder_plugin as plugin

    monkeypatch.setattr(plugin, "WEB_CLIENT_DIST", tmp_path)
    plugin.register_web_client({"serverRoot": None})
    assert "run `npm ci && npm run build`" in caplog.text
    assert "{{ cookiecutter.plugin_name }}" not in getPluginStaticContent()


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_girder_lists_and_serves_the_script_and_style(web_client, boundServer):
    """Girder lists the plugin's script and style sheet, and serves them."""
    root = f"http://127.0.0.1:{boundServer.boundPort}"
    with urlopen(f"{root}/api/v1/system/plugin_static_files") as response:
        listed = json.load(response)
    mine = [
        url for url in listed["js"] + listed["css"] if url.startswith("plugin_static/{{ cookiecutter.plugin_name }}/")
    ]
    assert [url.split("?")[0] for url in mine] == [
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_JS}",
        f"plugin_static/{{ cookiecutter.plugin_name }}/{WEB_CLIENT_CSS}",
    ]
    # Each is served as built: the script that the wheel or the checkout holds, and its style.
    for url, name in zip(mine, (WEB_CLIENT_JS, WEB_CLIENT_CSS), strict=True):
        with urlopen(f"{root}/{url}") as served:
            assert served.read() == (WEB_CLIENT_DIST / name).read_bytes(), url
