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

from bson.errors import InvalidId
from girder.api import access
from girder.api.describe import Description, describeRoute
from girder.api.rest import filtermodel, getCurrentUser
from girder.constants import AccessType
from girder.exceptions import RestException, ValidationException
from girder.models.file import File
from girder.models.folder import Folder
from girder.models.item import Item
{% if cookiecutter.girder_client_task %}
from girder.models.token import Token
{% endif %}
from girder_jobs.models.job import Job
from girder_worker.utils.transforms.girder_io import GirderUploadToFolder, GirderUploadToItem

from {{ cookiecutter.package_name }} import ANALYSES, described
from {{ cookiecutter.package_name }}.girder_plugin import RESOURCE_NAME
{% if cookiecutter.girder_client_task %}
from {{ cookiecutter.package_name }}.girder_plugin.tokens import TOKEN_FIELD, token_for
{% endif %}
from {{ cookiecutter.package_name }}.jobs import StoreResultOnJob

#: Girder's model of each kind of Girder data, as descriptions name it.
MODELS = {"girder-file": File, "file": Item, "directory": Folder}
#: Swagger's type of each kind of value that a description names.
SWAGGER_TYPES = {"integer": "integer", "number": "number", "range": "number", "boolean": "boolean"}
#: Swagger's names of a description's range.
RANGE = {"min": "minimum", "max": "maximum"}


def described_tasks():
    """The plugin's described tasks, by name, from every module of ``analyses/``."""
    from importlib import import_module
    from pkgutil import iter_modules

    from girder_worker.app import app

    names = [f"{{ cookiecutter.package_name }}.analyses.{module.name}" for module in iter_modules([ANALYSES])]
    for name in names:
        import_module(name)
    tasks = [task for task in app.tasks.values() if isinstance(task, described.Described)]
    return {task.describe()["name"]: task for task in tasks if task.name.startswith(tuple(names))}


def description(task):
    """What the pages and scripts read of a task: girder_worker's description, with its title
    and the route that runs it."""
    described_task = task.describe()
    return {
        **described_task,
        # girder_worker leaves it out where the task has no docstring.
        "description": described_task.get("description", ""),
        "title": task._girder_job_title,
        "route": f"{RESOURCE_NAME}/{described_task['name']}",
    }


def parameters(described_task):
    """Its inputs, then its outputs, each marked as which, and named as the route names them:
    by its id, which is its name in the task unless the description gives another."""
    values = [{**value, "output": False} for value in described_task["inputs"]]
    values += [{**value, "output": True} for value in described_task["outputs"]]
    return [{**value, "argument": value["name"], "name": value["id"]} for value in values]


def api_docs(described_task):
    """Girder's description of the route, for its API docs: every parameter with its rule."""
    docs = Description(described_task["title"]).notes(described_task["description"])
    for value in parameters(described_task):
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
        raise RestException(f"{value['name']} must be {described.allowed(value)}, got {text!r}.")
    return document


def run(task, described_task, params):
    """Convert and check every parameter, then queue the task; its Girder job."""
    known = {value["name"] for value in parameters(described_task)}
    if unknown := sorted(set(params) - known):
        takes = ", ".join(sorted(known)) or "nothing"
        raise RestException(f"{unknown[0]} is not a parameter of this route, which takes {takes}.")
    user = getCurrentUser()
    arguments, shown, hooks = {}, [], []
    for value in parameters(described_task):
        name = value["name"]
        if name not in params:
            if "default" in value:
                continue
            raise RestException(f"{name} is missing: give {described.allowed(value)}.")
        if value["type"] not in MODELS:
            try:
                arguments[value["argument"]] = described.converted(value, params[name])
            except ValueError as error:
                raise RestException(f"{error}.") from None
            shown.append(f"{name}={arguments[value['argument']]}")
            continue
        document = girder_data(value, params[name], user)
        shown.append(f"{name}={document['name']}")
        ident = str(document["_id"])
        if value["output"]:
            # The task returns a directory: its files go in, and the directory goes after.
            upload = GirderUploadToItem if value["type"] == "file" else GirderUploadToFolder
            hooks.append(upload(ident, delete_file=True))
        elif value["type"] == "girder-file" and value.get("download", True):
            arguments[value["argument"]] = described.NamedGirderFile(ident, document["name"])
        else:
            arguments[value["argument"]] = ident
    options = {
        "girder_job_title": f"{described_task['title']} ({', '.join(shown)})",
        # Girder keeps no return value: this hook keeps it on the job, for the pages.
        "girder_result_hooks": hooks or [StoreResultOnJob()],
    }
{% if cookiecutter.girder_client_task %}
    if scopes := getattr(task, "girder_client_scopes", None):
        # The task calls Girder itself, with a token of its job's own.
        token = token_for(user, scopes)
        options["girder_client_token"] = token["_id"]
        options["girder_job_other_fields"] = {TOKEN_FIELD: token["_id"]}
        try:
            return task.delay(**arguments, **options).job
        except Exception:
            Token().remove(token)
            raise
{% endif %}
    return task.delay(**arguments, **options).job


def route(task):
    """(method, path, handler) of the task's route."""
    described_task = description(task)

    @access.user
    @filtermodel(model=Job)
    @describeRoute(api_docs(described_task))
    def handler(params):
        return run(task, described_task, params)

    handler.__name__ = f"run_{described_task['name']}"
    return ("POST", (described_task["name"],), handler)


@access.public
@describeRoute(
    Description("The plugin's described tasks: what each takes, and the route that runs it.")
)
def list_tasks(params):
    return [description(task) for _, task in sorted(described_tasks().items())]


ROUTES = [("GET", ("tasks",), list_tasks), *(route(task) for task in described_tasks().values())]
