"""REST routes of the Girder plugin: each checks its input, schedules a task and
returns the Girder job that follows it.

Input is checked here, before anything is queued: a bad request gets a 400 that
says what is allowed, and no job is created.
"""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import Resource, filtermodel
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.constants import AccessType
{% endif %}
from girder.exceptions import RestException
{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
from girder.models.file import File
from girder.models.item import Item
{% endif %}
from girder_jobs.models.job import Job
{% if cookiecutter.docker_task %}
from girder_worker.docker.transforms import VolumePath
from girder_worker.docker.transforms.girder import (
    GirderFileIdToVolume,
    GirderUploadVolumePathToItem,
)
{% endif %}
{% if cookiecutter.girder_io_task %}
from girder_worker.utils.transforms.girder_io import GirderFileId, GirderUploadToItem
{% endif %}

from {{ cookiecutter.package_name }}.analyses import {% if cookiecutter.docker_task %}containers, {% endif %}{% if cookiecutter.girder_io_task %}files, {% endif %}tasks

RESOURCE_NAME = "{{ cookiecutter.plugin_name }}"
N_DESCRIPTION = f"Which Fibonacci number: a whole number from 1 to {tasks.MAX_N}."
{% if cookiecutter.progress_task %}
MAX_DELAY = 10.0
{% endif %}


def whole_number(name, value):
    """The int that value spells; a 400 naming the parameter if it spells none."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise RestException(f"{name} must be a whole number, got {value!r}.") from None


def checked_n(value):
    """n as the tasks accept it, or a 400 that says what is allowed."""
    n = whole_number("n", value)
    try:
        tasks.check_n(n)
    except (TypeError, ValueError) as error:
        raise RestException(f"{error}.") from None
    return n


{% if cookiecutter.girder_io_task or cookiecutter.docker_task %}
def from_file_to_item(description):
    """A route's description, with a file the user may read and an item they may write to."""
    return (
        description.modelParam(
            "fileId",
            "The file to read.",
            model=File,
            level=AccessType.READ,
            paramType="query",
            destName="file",
        )
        .modelParam(
            "itemId",
            "The item that receives the result.",
            model=Item,
            level=AccessType.WRITE,
            paramType="query",
            destName="item",
        )
        .errorResponse("You are not logged in.", 401)
        .errorResponse("You may not read the file or write to the item.", 403)
    )


{% endif %}
class TaskRoutes(Resource):
    """``/{{ cookiecutter.plugin_name }}``: one route per task."""

    def __init__(self):
        super().__init__()
        self.resourceName = RESOURCE_NAME
        self.route("POST", ("{{ cookiecutter.task_name }}",), self.{{ cookiecutter.task_name }})
{% if cookiecutter.progress_task %}
        self.route("POST", ("fibonacci_sequence",), self.fibonacci_sequence)
{% endif %}
{% if cookiecutter.girder_io_task %}
        self.route("POST", ("count_lines",), self.count_lines)
{% endif %}
{% if cookiecutter.docker_task %}
        self.route("POST", ("count_words_in_container",), self.count_words_in_container)
{% endif %}

    # Girder's own integer check would answer "x" without the allowed range, so n
    # arrives as text and is checked here.
    @access.user
    @filtermodel(model=Job)
    @autoDescribeRoute(
        Description("Compute a Fibonacci number on a worker.")
        .notes("Returns the Girder job that runs the task.")
        .param("n", N_DESCRIPTION)
        .errorResponse("n is not allowed.", 400)
        .errorResponse("You are not logged in.", 401)
    )
    def {{ cookiecutter.task_name }}(self, n):
        n = checked_n(n)
        return tasks.{{ cookiecutter.task_name }}.delay(n, girder_job_title=f"Fibonacci number {n}").job
{% if cookiecutter.progress_task %}

    @access.user
    @filtermodel(model=Job)
    @autoDescribeRoute(
        Description("Compute the first n Fibonacci numbers, reporting progress to the job.")
        .notes("Cancel the returned job to stop the task early.")
        .param("n", N_DESCRIPTION)
        .param(
            "delay",
            f"Seconds between two numbers, from 0 to {MAX_DELAY}.",
            required=False,
            default="0",
        )
        .errorResponse("n or delay is not allowed.", 400)
        .errorResponse("You are not logged in.", 401)
    )
    def fibonacci_sequence(self, n, delay):
        n = checked_n(n)
        try:
            delay = float(delay)
        except ValueError:
            delay = -1.0
        if not 0 <= delay <= MAX_DELAY:
            raise RestException(f"delay must be a number of seconds from 0 to {MAX_DELAY}.")
        title = f"First {n} Fibonacci numbers"
        return tasks.fibonacci_sequence.delay(n, delay=delay, girder_job_title=title).job
{% endif %}
{% if cookiecutter.girder_io_task %}

    @access.user
    @filtermodel(model=Job)
    @autoDescribeRoute(
        from_file_to_item(
            Description("Count the lines of a file; the count is uploaded into an item as a file.")
        )
    )
    def count_lines(self, file, item):
        # The worker sees only a temporary path; the result is named after the Girder file.
        return files.count_lines.delay(
            GirderFileId(str(file["_id"])),
            name=file["name"],
            girder_result_hooks=[GirderUploadToItem(str(item["_id"]))],
            girder_job_title=f"Line count of {file['name']}",
        ).job
{% endif %}
{% if cookiecutter.docker_task %}

    @access.user
    @filtermodel(model=Job)
    @autoDescribeRoute(
        from_file_to_item(
            Description("Count the words of a file with a tool in a container on a worker.").notes(
                "The counts are uploaded into the item as a file named after the input."
            )
        )
    )
    def count_words_in_container(self, file, item):
        # Fixed names inside the container; the Girder name only names the upload.
        source = GirderFileIdToVolume(str(file["_id"]), filename="input")
        output = VolumePath(containers.COUNTS_FILE)
        upload = GirderUploadVolumePathToItem(
            output, str(item["_id"]), upload_kwargs={"filename": f"{file['name']}.wc.txt"}
        )
        return containers.count_words.delay(
            **containers.count_words_arguments(source, output),
            girder_result_hooks=[upload],
            girder_job_title=f"Word count of {file['name']} in a container",
        ).job
{% endif %}
