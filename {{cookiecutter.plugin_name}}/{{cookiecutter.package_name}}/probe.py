"""The doctor's probe: a worker of the plugin's queue says which worker it is, which version
of the plugin it has and, given Girder's API URL, whether it reaches that API from where it runs.

``python -m {{ cookiecutter.package_name }} doctor`` sends it{% if cookiecutter.girder_plugin %}, and so does the Girder plugin's status route{% endif %}.
It is no Girder job.
"""

import json
import urllib.request

from girder_worker.app import app
from girder_worker.utils import resolve_girder_api_url

from {{ cookiecutter.package_name }} import __version__
from {{ cookiecutter.package_name }}.doctor import described, mask


@app.task(bind=True)
def probe(self, api_url=None, timeout=2.5):
    """Return the worker's name and plugin version, and what a GET of Girder's version saw."""
    reply = {"worker": self.request.hostname, "version": __version__}
    # The URL the worker would call back for a job: its GIRDER_WORKER_API_URL wins.
    url = resolve_girder_api_url(api_url)
    if url:
        reply["api"] = girder_version(url, timeout)
    return reply


def girder_version(api_url, timeout):
    """What a GET of ``<api_url>/system/version`` saw: ``{"url", "ok", "saw"}``."""
    try:
        request = f"{api_url.rstrip('/')}/system/version"
        with urllib.request.urlopen(request, timeout=timeout) as response:
            saw = f"Girder {json.load(response)['release']}"
    except (OSError, ValueError, KeyError, TypeError) as error:
        return {"url": mask(api_url), "ok": False, "saw": mask(described(error))}
    return {"url": mask(api_url), "ok": True, "saw": saw}
