"""Described tasks: a task's inputs, described once in girder_worker's own vocabulary, and
checked by that description wherever the task is called.

    @girder_job(title="Fibonacci number", type="{{ cookiecutter.package_name }}.fibonacci")
    @app.task(base=Described)
    @argument("n", types.Integer, min=1, max=20_000, help="Which Fibonacci number")
    def fibonacci(n): ...

``fibonacci.describe()`` is girder_worker's description of the task{% if cookiecutter.girder_plugin %}, from which the Girder
plugin makes its route, its API docs{% if cookiecutter.web_client %} and its page{% endif %}{% endif %}.
``Described`` checks every call against it{% if cookiecutter.girder_plugin %}, with the messages that the route answers a bad
request with{% endif %}. ``.delay()`` refuses a bad value before anything
is queued, and the worker refuses one that came another way (a job scheduled by the task's name).

Runs on workers: it must not import Girder.
"""

import inspect
import math
{% if cookiecutter.girder_plugin %}
import os
{% endif %}
import re
{% if cookiecutter.girder_plugin %}
import tempfile
{% endif %}

from girder_worker.task import Task
{% if cookiecutter.girder_plugin %}
from girder_worker.utils import types
from girder_worker.utils.transforms.girder_io import GirderFileId
from girder_worker.utils.types.girder import Girder
{% endif %}

#: girder_worker's description types, by the value they take, as a person reads it.
WHOLE_NUMBER = "integer"
NUMBER = ("number", "range")
CHOICE = ("string-enumeration", "number-enumeration")
GIRDER = {"girder-file": "file", "file": "item", "directory": "folder"}
KNOWN = {WHOLE_NUMBER, *NUMBER, *CHOICE, "boolean", "string", *GIRDER}
{% if cookiecutter.girder_plugin %}


class GirderFile(Girder):
    """A Girder file that the user may read (girder_worker's types name items and folders, not
    files). The task gets it downloaded, as a local path; with download=False, its id."""

    def __init__(self, name, download=True, **kwargs):
        super().__init__(name, **kwargs)
        self.download = download

    def describe(self):
        return {
            **super().describe(),
            "type": "girder-file",
            "description": self.help or "Select a file",
            "download": self.download,
        }


class GirderItem(types.GirderItem):
    """girder_worker's Girder item (its id), with the access the user must have to it:
    access="write" for an item that the task changes."""

    def __init__(self, name, access="read", **kwargs):
        super().__init__(name, **kwargs)
        self.access = access

    def describe(self):
        return {**super().describe(), "access": self.access}


def output(name, data_type, **options):
    """Describe where the task's result goes, in the form of girder_worker's ``argument``: the
    files of the directory that the task returns are uploaded into that Girder item or folder,
    which the user must be able to write to (girder_worker describes inputs only)."""

    def describe(func):
        value = data_type(name, **options)
        # Not a parameter of the function, and never optional.
        value.set_parameter(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY))
        description = getattr(func, "_girder_description", {})
        description.setdefault("outputs", []).insert(0, value)
        func._girder_description = description
        return func

    return describe


class NamedGirderFile(GirderFileId):
    """girder_io's GirderFileId, downloaded under the file's own name instead of its id, so a
    task sees notes.txt as notes.txt."""

    def __init__(self, _id, name, **kwargs):
        super().__init__(_id, **kwargs)
        # A file name, never a path: nothing outside the download's own directory.
        name = os.path.basename(name)
        self.name = name if name not in ("", ".", "..") else _id

    def transform(self):
        self.file_path = os.path.join(tempfile.mkdtemp(), self.name)
        self.gc.downloadFile(self.file_id, self.file_path)
        return self.file_path
{% endif %}


class Described(Task):
    """A girder_worker task whose every call is checked by its description."""

    def describe(self):
        """girder_worker's description, with the author's help texts (girder_worker puts its
        own in place of a choice's) and where the result goes; a task with no @argument takes
        nothing. A TypeError names an input of a type that this module cannot check."""
        described = getattr(self.run, "_girder_description", {})
        values = described.get("arguments", [])
        description = {
            "name": self.run.__name__,
            "description": inspect.getdoc(self.run) or "",
            "inputs": [value.describe() for value in values],
            "outputs": [value.describe() for value in described.get("outputs", [])],
        }
        for value, described_input in zip(values, description["inputs"], strict=True):
            if described_input["type"] not in KNOWN:
                raise TypeError(
                    f"{self.name}: {value.name} is a {type(value).__name__}, which "
                    "described tasks cannot check: use one of the types of docs/worker.md"
                )
            if value.help:
                described_input["description"] = value.help
        return description

    def apply_async(self, args=None, kwargs=None, **options):
        check(self, args or (), kwargs or {})
        return super().apply_async(args, kwargs, **options)

    def __call__(self, *args, **kwargs):
        check(self, args, kwargs)
        return super().__call__(*args, **kwargs)


def check(task, args, kwargs):
    """Raise TypeError or ValueError, saying what is allowed, unless every described input of
    the call is; Girder data is Girder's to check, where the route loads it."""
    signature = inspect.signature(task.run)
    # girder_worker's own options (girder_job_title, ...) travel as keyword arguments too.
    named = {name: value for name, value in kwargs.items() if name in signature.parameters}
    call = signature.bind_partial(*args, **named)
    for described in task.describe()["inputs"]:
        if described["type"] in GIRDER:
            continue
        if described["name"] in call.arguments:
            check_value(described, call.arguments[described["name"]])
        elif "default" not in described:
            raise TypeError(f"{described['name']} is missing: give {allowed(described)}")


def allowed(described):
    """What the input takes, as a person reads it: "a whole number from 1 to 20000"."""
    kind = described["type"]
    if kind in CHOICE:
        return "one of " + ", ".join(str(value) for value in described["values"])
    if kind in GIRDER:
        return f"the id of a Girder {GIRDER[kind]}"
    if kind == "boolean":
        return "true or false"
    if kind == "string":
        return "text"
    noun = "a whole number" if kind == WHOLE_NUMBER else "a number"
    low, high = described.get("min"), described.get("max")
    if low is not None and high is not None:
        return f"{noun} from {low} to {high}"
    if low is not None:
        return f"{noun} of at least {low}"
    if high is not None:
        return f"{noun} of at most {high}"
    return noun


def refused(described, value):
    return f"{described['name']} must be {allowed(described)}, got {value!r}"


def check_value(described, value):
    """Raise TypeError (a value of another kind) or ValueError (outside what is allowed).

    Not girder_worker's own validate(), which lets 3.5 and nan through as whole numbers, and
    names no rule.
    """
    kind = described["type"]
    if kind in CHOICE:
        if value not in described["values"]:
            raise ValueError(refused(described, value))
        return
    expected = {"boolean": bool, "string": str, WHOLE_NUMBER: int}.get(kind, (int, float))
    # True is an int to Python, never a number to a person.
    if not isinstance(value, expected) or (kind != "boolean" and isinstance(value, bool)):
        raise TypeError(refused(described, value))
    if kind == WHOLE_NUMBER or kind in NUMBER:
        low, high = described.get("min"), described.get("max")
        if not math.isfinite(value) or (low is not None and value < low):
            raise ValueError(refused(described, value))
        if high is not None and value > high:
            raise ValueError(refused(described, value))


def converted(described, text):
    """The value that text (a query parameter) spells for the input, checked; a ValueError,
    saying what is allowed, where it spells none."""
    kind = described["type"]
    if kind == WHOLE_NUMBER:
        # Only digits: "1e3", "0x1a" and "26.0" are not what a person means by a whole number.
        if not re.fullmatch(r"\s*[-+]?\d{1,100}\s*", text):
            raise ValueError(refused(described, text))
        value = int(text)
    elif kind in NUMBER or kind == "number-enumeration":
        try:
            value = float(text)
        except ValueError:
            raise ValueError(refused(described, text)) from None
        value = int(value) if value.is_integer() and kind == "number-enumeration" else value
    elif kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise ValueError(refused(described, text))
        value = text.lower() == "true"
    else:
        value = text
    try:
        check_value(described, value)
    except TypeError as error:
        raise ValueError(str(error)) from None
    return value
