"""The routes of the plugin's described tasks, made from their descriptions alone.

Each task of ``analyses/`` built on ``{{ cookiecutter.package_name }}.described.Described`` gets
``POST /{{ cookiecutter.plugin_name }}/<task>``, with a query parameter per input (and per output),
which Girder's API docs list with its range, choices and default. Every value is converted and
checked by the description before anything is queued: a bad, missing or unknown one gets a 400
that names it and says what is allowed, and no job. Girder data is loaded with the access the
user must have to it (read an input, write where a result goes); a file reaches the task
downloaded, and a result is uploaded into its item or folder. The job is titled from the
description. ``GET /{{ cookiecutter.plugin_name }}/tasks`` lists the descriptions, for the pages and
for scripts.
"""

import logging
from contextlib import nullcontext
from importlib import import_module

from bson.errors import InvalidId
from girder.api import access
from girder.api.describe import Description, describeRoute
from girder.api.rest import filtermodel, getCurrentUser
from girder.constants import AccessType, TokenScope
from girder.exceptions import ValidationException
from girder.models.file import File
from girder.models.folder import Folder
from girder.models.item import Item
from girder_jobs.models.job import Job
from girder_worker.utils.transforms.girder_io import GirderUploadToFolder, GirderUploadToItem

from {{ cookiecutter.package_name }} import analyses_modules, described
from {{ cookiecutter.package_name }}.girder_plugin import RESOURCE_NAME
from {{ cookiecutter.package_name }}.girder_plugin.jobs import JobToken
from {{ cookiecutter.package_name }}.jobs import StoreResultOnJob

logger = logging.getLogger(__name__)

#: Girder's model of each kind of Girder data, as descriptions name it.
MODELS = {"girder-file": File, "file": Item, "directory": Folder}
#: Swagger's type of each kind of value that a description names.
SWAGGER_TYPES = {"integer": "integer", "number": "number", "range": "number", "boolean": "boolean"}
#: Swagger's names of a description's range.
RANGE = {"min": "minimum", "max": "maximum"}


def described_tasks():
    """The plugin's described tasks, by name, from every module of ``analyses/``."""
    from girder_worker.app import app

    modules = analyses_modules()
    for module in modules:
        import_module(module)
    tasks = {}
    for task in app.tasks.values():
        if isinstance(task, described.Described) and task.name.startswith(
            tuple(f"{module}." for module in modules)
        ):
            name = task.run.__name__
            if name in tasks:
                raise ValueError(
                    f"{tasks[name].name} and {task.name} would both have the route {name}:"
                    " rename one of the functions"
                )
            tasks[name] = task
    return tasks


def description(task):
    """What the pages and scripts read of a task: its description, with its title and the
    route that runs it."""
    described_task = task.describe()
    return {
        **described_task,
        "title": task._girder_job_title,
        "route": f"{RESOURCE_NAME}/{described_task['name']}",
    }


def parameters(described_task):
    """Its inputs, then its outputs, each marked as which, and named as the route names them:
    by its id, which is its name in the task unless the description gives another."""
    values = [{**value, "output": False} for value in described_task["inputs"]]
    values += [{**value, "output": True} for value in described_task["outputs"]]
    return [{**value, "argument": value["name"], "name": value["id"]} for value in values]


def api_docs(described_task, values):
    """Girder's description of the route, for its API docs: every parameter with its rule."""
    docs = Description(described_task["title"]).notes(described_task["description"])
    for value in values:
        kind = value["type"]
        help_text = f"{value.get('description', value['name'])} ({described.allowed(value)})"
        docs.param(
            value["name"],
            help_text,
            dataType="string" if kind in MODELS else SWAGGER_TYPES.get(kind, "string"),
            required="default" not in value,
            default=value.get("default", {}).get("data"),
            enum=value.get("values"),
        )
        # Swagger's range, which Girder's Description has no argument for.
        docs.params[-1].update({RANGE[key]: value[key] for key in RANGE if key in value})
    return (
        docs.errorResponse("A value is missing, or not allowed; the message says which.", 400)
        .errorResponse("You are not logged in.", 401)
        .errorResponse("You may not read an input, or write where the result goes.", 403)
    )


def bad_parameter(name, why):
    """The 400 of a bad parameter: its message names it, and its ``field`` is it, for the page."""
    return ValidationException(f"{name} {why}.", field=name)


def girder_data(value, text, user):
    """The Girder document that text names, if the user may use it so: else a 400 (no such
    document) or Girder's 403."""
    writes = value["output"] or value.get("access") == "write"
    level = AccessType.WRITE if writes else AccessType.READ
    try:
        document = MODELS[value["type"]]().load(text, level=level, user=user)
    except (InvalidId, ValidationException):
        document = None
    if document is None:
        raise bad_parameter(value["name"], f"must be {described.allowed(value)}, got {text!r}")
    return document


def checked(values, params, user):
    """Every parameter converted and checked by its description: (the task's arguments, the
    Girder documents by value, what the job's title shows); a 400 or a 403 at the first bad."""
    known = {value["name"] for value in values}
    # Girder takes the caller's token from the query too.
    if unknown := sorted(set(params) - known - {"token"}):
        takes = ", ".join(sorted(known)) or "nothing"
        raise bad_parameter(unknown[0], f"is not a parameter of this route, which takes {takes}")
    arguments, documents, shown = {}, [], []
    for value in values:
        name = value["name"]
        if name not in params:
            if "default" in value:
                if value["type"] not in MODELS:
                    shown.append(f"{name}={value['default']['data']}")
                continue
            raise bad_parameter(name, f"is missing: give {described.allowed(value)}")
        if value["type"] in MODELS:
            documents.append((value, girder_data(value, params[name], user)))
            shown.append(f"{name}={documents[-1][1]['name']}")
            continue
        try:
            arguments[value["argument"]] = described.converted(value, params[name])
        except ValueError as error:
            raise ValidationException(f"{error}.", field=name) from None
        shown.append(f"{name}={arguments[value['argument']]}")
    return arguments, documents, shown


def run(task, described_task, values, params):
    """Check every parameter, then queue the task; its Girder job."""
    user = getCurrentUser()
    arguments, documents, shown = checked(values, params, user)
    # girder_io's transforms call Girder from the worker: to download, and to upload.
    transfers = [
        value
        for value, _ in documents
        if value["output"] or (value["type"] == "girder-file" and value["download"])
    ]
    own_scopes = set(getattr(task, "girder_client_scopes", ()))
    scopes = own_scopes | ({TokenScope.DATA_READ, TokenScope.DATA_WRITE} if transfers else set())
    # Only once every value is known good: a token that Girder deletes when the job ends.
    with JobToken(user, scopes) if scopes else nullcontext() as token:
        hooks = []
        for value, document in documents:
            ident = str(document["_id"])
            client = {"gc": token.client} if value in transfers else {}
            if value["output"]:
                # The task returns a directory: its files go in, and the directory goes after.
                upload = GirderUploadToItem if value["type"] == "file" else GirderUploadToFolder
                hooks.append(upload(ident, delete_file=True, **client))
            elif client:
                arguments[value["argument"]] = described.NamedGirderFile(
                    ident, document["name"], **client
                )
            else:
                arguments[value["argument"]] = ident
        options = {
            "girder_job_title": f"{described_task['title']} ({', '.join(shown)})",
            # Girder keeps no return value: this hook keeps it on the job, for the pages.
            "girder_result_hooks": hooks or [StoreResultOnJob()],
            **(token.options() if token else {}),
        }
        if own_scopes:
            # The task calls Girder itself, through self.girder_client.
            options["girder_client_token"] = token.id
        return task.delay(**arguments, **options).job


def route(task, described_task):
    """(method, path, handler) of the task's route."""
    values = parameters(described_task)

    @access.user
    @filtermodel(model=Job)
    @describeRoute(api_docs(described_task, values))
    def handler(params):
        return run(task, described_task, values, params)

    handler.__name__ = f"run_{described_task['name']}"
    return ("POST", (described_task["name"],), handler)


def descriptions():
    """(task, description) of every described task whose description can be made; one that
    cannot is left out, and the log says why, so that it takes no other task with it."""
    made = []
    for name, task in sorted(described_tasks().items()):
        try:
            made.append((task, description(task)))
        except Exception:
            logger.exception("%s: the described task %s is left out", RESOURCE_NAME, name)
    return made


@access.public
@describeRoute(
    Description("The plugin's described tasks: what each takes, and the route that runs it.")
)
def list_tasks(params):
    return [described_task for _, described_task in DESCRIBED]


#: Made once, as Girder loads the plugin; the dev command reloads this module on a save.
DESCRIBED = descriptions()
ROUTES = [("GET", ("tasks",), list_tasks), *(route(*task) for task in DESCRIBED)]
