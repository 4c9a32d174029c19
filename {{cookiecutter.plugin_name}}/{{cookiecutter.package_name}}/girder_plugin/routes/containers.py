"""``POST /{{ cookiecutter.plugin_name }}/count_words_in_container``: a Girder file through a tool in a container."""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel
from girder_jobs.models.job import Job
from girder_worker.docker.transforms import VolumePath
from girder_worker.docker.transforms.girder import (
    GirderFileIdToVolume,
    GirderUploadVolumePathToItem,
)

from {{ cookiecutter.package_name }}.analyses import containers
from {{ cookiecutter.package_name }}.girder_plugin.rest import from_file_to_item


@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    from_file_to_item(
        Description("Count the words of a file with a tool in a container on a worker.").notes(
            "The counts are uploaded into the item as a file named after the input."
        )
    )
)
def run_count_words_in_container(file, item):
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


ROUTES = [("POST", ("count_words_in_container",), run_count_words_in_container)]
