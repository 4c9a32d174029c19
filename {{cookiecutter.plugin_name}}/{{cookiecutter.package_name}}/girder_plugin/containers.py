"""``POST /{{ cookiecutter.plugin_name }}/count_words_in_container``: a Girder file through a tool in a container."""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel, getCurrentUser
from girder.constants import AccessType, TokenScope
from girder.models.file import File
from girder.models.item import Item
from girder_jobs.models.job import Job
from girder_worker.docker.transforms import VolumePath
from girder_worker.docker.transforms.girder import (
    GirderFileIdToVolume,
    GirderUploadVolumePathToItem,
)

from {{ cookiecutter.package_name }}.analyses import containers
from {{ cookiecutter.package_name }}.girder_plugin.jobs import JobToken


# Its arguments are the container's volumes, which no description of girder_worker's covers:
# the route is written by hand.
@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    Description("Count the words of a file with a tool in a container on a worker.")
    .notes("The counts are uploaded into the item as a file named after the input.")
    .modelParam(
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
def run_count_words_in_container(file, item):
    # The download and the upload call Girder from the worker, with a token of the job's own.
    with JobToken(getCurrentUser(), [TokenScope.DATA_READ, TokenScope.DATA_WRITE]) as token:
        # Fixed names inside the container; the Girder name only names the upload.
        source = GirderFileIdToVolume(str(file["_id"]), filename="input", gc=token.client)
        output = VolumePath(containers.COUNTS_FILE)
        upload = GirderUploadVolumePathToItem(
            output,
            str(item["_id"]),
            upload_kwargs={"filename": f"{file['name']}.wc.txt"},
            gc=token.client,
        )
        return containers.count_words.delay(
            **containers.count_words_arguments(source, output),
            girder_result_hooks=[upload],
            girder_job_title=f"Word count of {file['name']} in a container",
            **token.options(),
        ).job


ROUTES = [("POST", ("count_words_in_container",), run_count_words_in_container)]
