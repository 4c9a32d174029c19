"""A task on Girder data: a file goes in, a file comes out.

Girder hands the task a local path and takes back the path it returns, through
girder_worker's transforms (see ``{{ cookiecutter.package_name }}.girder_plugin.routes.files``)::

    count_lines.delay(
        GirderFileId(file_id),  # downloaded to a temporary path on the worker
        name=file_name,  # that path is named after the id; the result is named after this
        # uploads the files of the returned directory, then deletes it
        girder_result_hooks=[GirderUploadToItem(item_id, delete_file=True)],
    )

girder_worker deletes the download after the task, whatever its end; the task's own
output is the result hook's to delete, and it deletes the whole directory only when the
task returns a directory.
"""

import shutil
import tempfile
from pathlib import Path

from girder_worker.app import app
from girder_worker.utils import girder_job


def write_line_count(path, out_dir, name=None):
    """Write the number of lines of path into out_dir/<name>.lines.txt; return that path.

    name defaults to the file name of path.
    """
    with open(path, "rb") as source:
        count = sum(1 for _ in source)
    result = Path(out_dir) / f"{name or Path(path).name}.lines.txt"
    result.write_text(f"{count}\n")
    return str(result)


@girder_job(title="Line count", type="{{ cookiecutter.package_name }}.count_lines")
@app.task(acks_late=True, reject_on_worker_lost=True)
def count_lines(path, name=None):
    """Count the lines of the file at path; return a new directory holding the count's file.

    The directory holds ``<name>.lines.txt`` alone.
    """
    if name is not None and (not isinstance(name, str) or "/" in name or name in ("", ".", "..")):
        raise ValueError(f"name must be a file name without '/', got {name!r}")
    out_dir = tempfile.mkdtemp()
    try:
        write_line_count(path, out_dir, name)
    except BaseException:
        shutil.rmtree(out_dir)
        raise
    return out_dir
