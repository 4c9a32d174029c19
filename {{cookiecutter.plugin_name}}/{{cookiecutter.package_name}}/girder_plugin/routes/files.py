"""``POST /{{ cookiecutter.plugin_name }}/count_lines``: a Girder file in, a Girder file out."""

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute
from girder.api.rest import filtermodel
from girder_jobs.models.job import Job
from girder_worker.utils.transforms.girder_io import GirderFileId, GirderUploadToItem

from {{ cookiecutter.package_name }}.analyses.files import count_lines
from {{ cookiecutter.package_name }}.girder_plugin.rest import from_file_to_item


@access.user
@filtermodel(model=Job)
@autoDescribeRoute(
    from_file_to_item(
        Description("Count the lines of a file; the count is uploaded into an item as a file.")
    )
)
def run_count_lines(file, item):
    # The worker sees only a temporary path; the result is named after the Girder file.
    # delete_file: the task's output directory goes once uploaded (or not), as its input does.
    return count_lines.delay(
        GirderFileId(str(file["_id"])),
        name=file["name"],
        girder_result_hooks=[GirderUploadToItem(str(item["_id"]), delete_file=True)],
        girder_job_title=f"Line count of {file['name']}",
    ).job


ROUTES = [("POST", ("count_lines",), run_count_lines)]
