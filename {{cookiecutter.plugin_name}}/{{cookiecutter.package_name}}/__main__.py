"""``python -m {{ cookiecutter.package_name }} doctor``: can this deployment run the plugin's tasks?"""

import argparse
import json
import sys

from {{ cookiecutter.package_name }} import QUEUE, doctor


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m {{ cookiecutter.package_name }}")
    commands = parser.add_subparsers(dest="command", required=True)
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
    args = parser.parse_args(argv)
    results = doctor.run(queue=args.queue, api_url=args.girder_api_url, timeout=args.timeout)
    print(json.dumps(doctor.as_json(results), indent=2) if args.json else doctor.report(results))
    return doctor.exit_code(results)


if __name__ == "__main__":
    sys.exit(main())
