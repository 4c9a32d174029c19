"""A task on Girder data: a file goes in, a file comes out.

Girder hands the task a local path and takes back the path it returns, through
girder_worker's transforms. From a Girder plugin::

    from girder_worker.utils.transforms.girder_io import GirderFileId, GirderUploadToItem

    count_lines.delay(
        GirderFileId(file_id),  # downloaded to a temporary path on the worker
        girder_result_hooks=[GirderUploadToItem(item_id)],  # uploads the returned path
        girder_job_title="Count lines",
    )
"""

import tempfile
from pathlib import Path

from girder_worker.app import app
from girder_worker.utils import girder_job


def write_line_count(path, out_dir):
    """Write the number of lines of path into out_dir/<name>.lines.txt; return that path."""
    with open(path, "rb") as source:
        count = sum(1 for _ in source)
    result = Path(out_dir) / f"{Path(path).name}.lines.txt"
    result.write_text(f"{count}\n")
    return str(result)


@girder_job(title="Line count", type="{{ cookiecutter.package_name }}.count_lines")
@app.task(acks_late=True, reject_on_worker_lost=True)
def count_lines(path):
    """Count the lines of the file at path; return the path of a file that holds the count."""
    return write_line_count(path, tempfile.mkdtemp())
