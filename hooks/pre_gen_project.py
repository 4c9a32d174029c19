"""Check every answer before cookiecutter writes the project.

Answers reach this module as JSON data, never as code: cookiecutter renders the
literal below through ``tojson``, which escapes every quote, so no answer can
close the string. Run unrendered, the module still imports, which is how the
template's tests call ``validate`` directly.
"""

import json
import keyword
import os
import re
import shlex
import sys

ANSWERS = r"""{{ cookiecutter | tojson }}"""
# cookiecutter.json itself: its lists are the choices, its booleans the yes/no questions.
# cruft renders hooks without it; cookiecutter has then checked the choices already.
QUESTIONS = r"""{{ _cookiecutter | default(none) | tojson }}"""

# Names a plugin package must not take: importing it would shadow the real module
# inside every worker or Girder server that installs the plugin. These are the top-level
# modules of girder-worker's and Girder's installed dependencies, and of the baked tests'
# (the template's tests check this list against the installed distributions). async_timeout
# is redis's on Pythons before 3.11.3, as Debian 12's 3.11.2.
_DEPENDENCY_MODULES = """
    amqp annotated_doc annotated_types anyio async_timeout attr attrs backports bcrypt billiard
    boto3 botocore bson celery certifi cffi charset_normalizer cheroot cherrypy click
    click_didyoumean click_plugins click_repl cryptography dateutil decorator diskcache dns
    docker dogpile filelock girder girder_client girder_jobs girder_plugin_worker
    girder_worker gridfs h11 idna jaraco jinja2 jmespath jsonpickle jsonschema
    jsonschema_specifications kombu mako markdown_it markupsafe mdurl more_itertools
    packaging pkg_resources portend prompt_toolkit psutil pycparser pydantic pydantic_core
    pygments pymongo pyotp pytz redis referencing requests requests_toolbelt rich rpds
    s3transfer setuptools setuptools_scm shellingham six starlette stevedore tempora typer
    typing_extensions typing_inspection tzlocal urllib3 uvicorn vcs_versioning vine wcwidth
    websockets yaml zc
    mongomock mongomock_ng pytest pytest_girder ruff tests
"""
SHADOWED_MODULES = frozenset(_DEPENDENCY_MODULES.split()) | frozenset(sys.stdlib_module_names)

LOWER_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*\Z")
PLUGIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
# PEP 508 project name.
DISTRIBUTION_NAME = re.compile(r"([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\Z", re.IGNORECASE)
EMAIL = re.compile(r"[^@\s\"\\]+@[^@\s\"\\.]+(\.[^@\s\"\\.]+)+\Z")
# PEP 440 public version in its normalised spelling.
VERSION = re.compile(
    r"([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*"
    r"((a|b|rc)(0|[1-9][0-9]*))?(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?\Z"
)
MAX_TEXT = 200
TEXT_EXAMPLE = "A girder_worker plugin that resizes images."
MAX_TIME_LIMIT = 7 * 24 * 3600


def _identifier(value, example, lower=True):
    pattern_ok = LOWER_IDENTIFIER.match(value) if lower else value.isidentifier()
    if not pattern_ok:
        kind = "a lower-case Python identifier" if lower else "a Python identifier"
        return f"must be {kind} (letters, digits, underscores; no leading digit)", example
    if keyword.iskeyword(value) or keyword.issoftkeyword(value):
        return "is a Python keyword", example
    return None


def _matching(pattern, reason, example):
    def check(value):
        return None if pattern.match(value) else (reason, example)

    return check


check_plugin_name = _matching(
    PLUGIN_NAME, "must start with a letter and hold only letters, digits, '_' or '-'", "image_tools"
)
check_distribution_name = _matching(
    DISTRIBUTION_NAME,
    "is not a valid distribution name (letters, digits, '.', '_', '-'; "
    "starting and ending with a letter or digit)",
    "image-tools",
)
check_author_email = _matching(EMAIL, "does not look like an email address", "jane.doe@example.com")
check_version = _matching(VERSION, "is not a PEP 440 version", "0.1.0")


def check_package_name(value):
    problem = _identifier(value, "image_tools")
    if problem:
        return problem
    if value in SHADOWED_MODULES:
        return (
            "would shadow the installed module of that name in every worker",
            f"gw_{value}",
        )
    return None


def check_plugin_class(value):
    problem = _identifier(value, "ImageToolsPlugin", lower=False)
    if problem:
        return problem
    if not value[0].isupper():
        return "must start with an upper-case letter (a class name)", "ImageToolsPlugin"
    return None


def check_text(value):
    if not value.strip():
        return "must not be empty", TEXT_EXAMPLE
    if len(value) > MAX_TEXT:
        return f"is longer than {MAX_TEXT} characters", TEXT_EXAMPLE
    if any(char in value for char in '"\\') or any(ord(char) < 32 for char in value):
        return (
            'must be a single line without double quotes (") or backslashes (\\)',
            TEXT_EXAMPLE,
        )
    return None


def check_author_name(value):
    problem = check_text(value)
    return (problem[0], "Jane Doe") if problem else None


def check_task_time_limit(value):
    if not (value.isdigit() and value.isascii()) or not 1 <= int(value) <= MAX_TIME_LIMIT:
        return f"must be a whole number of seconds from 1 to {MAX_TIME_LIMIT}", "300"
    return None


def check_yes_no(value):
    if not isinstance(value, bool):
        return "must be yes or no", "yes"
    return None


def check_choice(value, choices):
    if value not in choices:
        return "is not one of " + ", ".join(choices), choices[0]
    return None


CHECKS = {
    "plugin_name": check_plugin_name,
    "package_name": check_package_name,
    "distribution_name": check_distribution_name,
    "plugin_class": check_plugin_class,
    "description": check_text,
    "author_name": check_author_name,
    "author_email": check_author_email,
    "version": check_version,
    "task_time_limit": check_task_time_limit,
}


def find_problems(answers, questions):
    """Map each bad answer's field to its message; an empty dict means all are good."""
    problems = {}
    for field, default in questions.items():
        if field.startswith("_"):
            continue
        value = answers.get(field)
        if isinstance(default, bool):
            problem = check_yes_no(value)
        elif not isinstance(value, str):
            problems[field] = f"{field}: missing or not text ({value!r})."
            continue
        elif isinstance(default, list):
            problem = check_choice(value, default)
        elif field in CHECKS:
            problem = CHECKS[field](value)
        else:
            continue
        if problem:
            reason, example = problem
            problems[field] = f"{field}: {value!r} {reason}. Try something like {example!r}."
    return problems


def validate(answers, questions):
    """Return one message per bad answer; an empty list means all are good."""
    return list(find_problems(answers, questions).values())


def _holds(path, answers):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)["cookiecutter"] == answers
    except (OSError, ValueError, LookupError, TypeError):
        return False


def saved_answers_file(answers):
    """The replay file cookiecutter wrote with exactly these answers before this hook, or None.

    cookiecutter 2.x dumps them to <replay_dir>/<template>.json first. The file is found by
    its content, not rebuilt from its name: the hook cannot see --config-file or
    --default-config, and cruft or pytest-cookies write elsewhere or nothing at all.
    """
    if "_template" not in answers:  # not baked through cookiecutter(), so nothing was saved
        return None
    try:
        # Imported here, on the error path only: a good bake does not pay for it.
        from cookiecutter.config import DEFAULT_CONFIG, get_user_config

        replay_dirs = [get_user_config()["replay_dir"], DEFAULT_CONFIG["replay_dir"]]
    except Exception:  # no cookiecutter, or a config it cannot read: say less, not fail
        return None
    paths = []
    for directory in dict.fromkeys(replay_dirs):
        try:
            names = os.listdir(directory)
        except OSError:
            continue
        paths += [os.path.join(directory, name) for name in names if name.endswith(".json")]
    matching = [path for path in paths if _holds(path, answers)]
    # Only the newest can be the one cookiecutter has just written.
    return max(matching, key=os.path.getmtime, default=None)


def replay_command(answers, replay_file):
    """The cookiecutter command that bakes again from replay_file, as one shell line."""
    command = ["cookiecutter", "--replay-file", replay_file]
    if answers.get("_checkout"):
        command += ["--checkout", str(answers["_checkout"])]
    # Without --output-dir cookiecutter bakes into the current directory. The user pastes
    # the command in their shell, whose directory PWD names; elsewhere say where.
    output_dir = answers.get("_output_dir")
    here = os.environ.get("PWD")
    if output_dir and not (here and os.path.realpath(here) == os.path.realpath(output_dir)):
        command += ["--output-dir", output_dir]
    return shlex.join([*command, str(answers["_template"])])


def next_step(answers, fields, replay_file):
    """What to do after a refusal: fix the saved answers and replay them, if they were saved."""
    if replay_file is None:
        return "Nothing was generated; answer again with the values fixed."
    return (
        f"Nothing was generated. Your answers are saved in {shlex.quote(replay_file)}: "
        f"fix {', '.join(fields)} there, then run:\n  {replay_command(answers, replay_file)}"
    )


def main(answers=None, questions=None):
    if answers is None:
        answers, questions = json.loads(ANSWERS), json.loads(QUESTIONS)
    if questions is None:
        questions = answers
    problems = find_problems(answers, questions)
    for error in problems.values():
        print(f"ERROR: {error}", file=sys.stderr)
    if problems:
        replay_file = saved_answers_file(answers)
        print(next_step(answers, list(problems), replay_file), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
