"""``python -m {{ cookiecutter.package_name }} dev`` runs the plugin{% if cookiecutter.girder_plugin %} in Girder{% endif %} as you change it{% if cookiecutter.deployment %};
``python -m {{ cookiecutter.package_name }} doctor`` checks that a deployment can run its tasks{% endif %}."""

import argparse
{% if cookiecutter.deployment %}
import json
{% endif %}
import sys
{% if cookiecutter.deployment %}

from {{ cookiecutter.package_name }} import QUEUE, doctor
{% endif %}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m {{ cookiecutter.package_name }}")
    commands = parser.add_subparsers(dest="command", required=True)
    add_dev(commands)
{% if cookiecutter.deployment %}
    add_doctor(commands)
{% endif %}
    args = parser.parse_args(argv)
{% if cookiecutter.deployment %}
    if args.command == "doctor":
        return run_doctor(args)
{% endif %}
    # Only here: the dev command needs the dev extra, which no deployed host installs.
    from {{ cookiecutter.package_name }} import dev

    return dev.main(args)


def add_dev(commands):
{% if cookiecutter.girder_plugin %}
    options = commands.add_parser(
        "dev",
        help="run Girder with this plugin and a worker, restarted as you save",
        description="Run Girder 5 with this plugin, a worker of its queue{% if cookiecutter.web_client %} and its pages{% endif %}, and"
        " reload each part when you save it. The database is in memory unless --database names"
        " a MongoDB; the broker is files in .dev/broker/ unless GIRDER_WORKER_BROKER names one."
        " Ctrl-C stops everything.",
    )
    options.add_argument("--host", default="127.0.0.1", help="interface (default: %(default)s)")
    options.add_argument("--port", type=int, default=8080, help="port (default: %(default)s)")
    options.add_argument(
        "--database",
        metavar="URI",
        help="a MongoDB to keep the data in (default: in memory, gone on stop)",
    )
    options.add_argument(
        "--admin",
        default="admin",
        help="the admin's login (default: admin); when the command makes the account, its"
        " password is DEV_ADMIN_PASSWORD's, or a new one that it prints",
    )
{% else %}
    commands.add_parser(
        "dev",
        help="run a worker of this plugin's queue, restarted as you save",
        description="Run a worker of the plugin's queue and restart it when a module of the"
        " package is saved. The broker is files in .dev/broker/ unless"
        " GIRDER_WORKER_BROKER names one. Ctrl-C stops it.",
    )
{% endif %}
{% if cookiecutter.deployment %}


def add_doctor(commands):
    options = commands.add_parser(
        "doctor",
        help="check the broker, the workers of the plugin's queue and their way to Girder",
        description="Check the broker and result backend in effect, the workers of the plugin's"
        " queue, their tasks and version, and (given its URL) that they reach Girder's API."
        " Prints one line per check; exits 0 unless a check failed.",
    )
    options.add_argument("--json", action="store_true", help="print the results as JSON")
    options.add_argument(
        "--girder-api-url",
        metavar="URL",
        help="check that a worker reaches Girder's API there (http://girder.example/api/v1)",
    )
    options.add_argument(
        "--timeout",
        type=float,
        default=doctor.DEFAULT_TIMEOUT,
        metavar="S",
        help="seconds to wait for any one answer (default: %(default)g)",
    )
    options.add_argument(
        "--queue", default=QUEUE, help="the queue to check (default: the plugin's, %(default)s)"
    )


def run_doctor(args):
    results = doctor.run(queue=args.queue, api_url=args.girder_api_url, timeout=args.timeout)
    print(json.dumps(doctor.as_json(results), indent=2) if args.json else doctor.report(results))
    return doctor.exit_code(results)
{% endif %}


if __name__ == "__main__":
    sys.exit(main())
