"""{{ cookiecutter.description }}"""

{% if cookiecutter.deployment %}
import os
import ssl
{% endif %}
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from pkgutil import iter_modules

from girder_worker import GirderWorkerPluginABC

from {{ cookiecutter.package_name }} import broker

try:
    #: The installed version: a release's git tag, read by setuptools-scm when it was built.
    __version__ = version("{{ cookiecutter.distribution_name }}")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "unknown"

#: The package of task modules: each module in it holds tasks of this plugin.
ANALYSES = str(Path(__file__).with_name("analyses"))

#: Hard limit, in seconds, on one run of a task of this plugin.
TASK_TIME_LIMIT = {{ cookiecutter.task_time_limit }}
{% if cookiecutter.deployment %}

#: Names the CA certificate that must have signed the broker's (amqps:// URLs): workers and
#: Girder then speak TLS to RabbitMQ and check its certificate and host name.
BROKER_CA_FILE = "GIRDER_WORKER_BROKER_CA_FILE"
{% endif %}
{% if cookiecutter.dedicated_queue %}

#: The queue of this plugin's tasks: run them with ``celery -A girder_worker.app worker -Q {{ cookiecutter.plugin_name }}``.
QUEUE = "{{ cookiecutter.plugin_name }}"
TASK_ROUTES = {"{{ cookiecutter.package_name }}.*": {"queue": QUEUE}}
{% else %}

#: The queue of this plugin's tasks: Celery's default queue.
QUEUE = "celery"
{% endif %}


class {{ cookiecutter.plugin_class }}(GirderWorkerPluginABC):
    """Tells girder_worker which modules hold this plugin's tasks.

    girder_worker builds this class several times in each process, so ``__init__``
    only sets values, never appends. It lists the task modules without importing
    them: they import ``girder_worker.app``, which is still being built at this point.
    """

    def __init__(self, app, *args, **kwargs):
        self.app = app
        self.app.conf.update(task_time_limit=TASK_TIME_LIMIT)
{% if cookiecutter.deployment %}
        # Set with amqps:// broker URLs only: TLS then applies whatever the URL's scheme.
        if tls := broker_tls(os.environ):
            self.app.conf.update(broker_use_ssl=tls)
{% endif %}
        # What depends on the app's other settings (its broker{% if cookiecutter.dedicated_queue %}, its routes{% endif %}) waits until
        # girder_worker has configured it: reading them earlier freezes the settings too
        # soon, and girder_worker's own configuring then drops every one made so far.
        if self.app.configured:
            configure(self.app.conf)
        else:
            self.app.on_after_configure.connect(_configure, weak=False, dispatch_uid=__name__)

    def task_imports(self):
{% if cookiecutter.deployment %}
        # The doctor's probe, which every worker of the queue must answer.
        return [*analyses_modules(), f"{__name__}.probe"]
{% else %}
        return analyses_modules()
{% endif %}
{% if cookiecutter.deployment %}


def broker_tls(environ):
    """Celery's ``broker_use_ssl`` for the CA file that the environment names, or None."""
    ca_file = environ.get(BROKER_CA_FILE)
    if not ca_file:
        return None
    if not os.path.isfile(ca_file):
        raise FileNotFoundError(
            f"{BROKER_CA_FILE} names {ca_file!r}, which is not a file: set it to the CA "
            "certificate (PEM) that signed the broker's certificate, or unset it"
        )
    # server_hostname None: kombu fills in the broker's host name, which the certificate
    # must then carry. A new dict each time: kombu writes that name into it.
    return {"ca_certs": ca_file, "cert_reqs": ssl.CERT_REQUIRED, "server_hostname": None}
{% endif %}


def analyses_modules():
    """The names of the modules of analyses/: a new module is a new set of tasks, with nothing
    to register."""
    return [f"{__name__}.analyses.{module.name}" for module in iter_modules([ANALYSES])]


def configure(conf):
    """Settings that depend on the app's others: the embedded broker's folders{% if cookiecutter.dedicated_queue %}; the routes of
    this plugin's tasks to its queue{% endif %}."""
    broker.configure(conf)
{% if cookiecutter.dedicated_queue %}
    conf.update(task_routes=with_our_routes(conf.task_routes))
{% endif %}


def _configure(sender, source, **kwargs):
    configure(source)
{% if cookiecutter.dedicated_queue %}


def with_our_routes(routes):
    """Other plugins' routes plus ours, whatever form Celery's task_routes setting has."""
    if routes is None:
        return dict(TASK_ROUTES)
    if isinstance(routes, dict):
        return {**routes, **TASK_ROUTES}
    routes = list(routes) if isinstance(routes, list | tuple) else [routes]
    return routes if TASK_ROUTES in routes else [*routes, TASK_ROUTES]
{% endif %}
