"""A task on Girder data: a file goes in, a file comes out.

Its description says so: the route that Girder makes from it checks that the user may read the
file and write to the item, hands the task the file downloaded (a local path, named as in
Girder), and uploads the files of the directory the task returns into the item. girder_worker
deletes the download after the task, whatever its end, and the upload deletes the directory.
Outside Girder, give it a path and upload the result yourself::

    count_lines("notes.txt")  # a directory holding notes.txt.lines.txt
"""

import shutil
import tempfile
from pathlib import Path

from girder_worker.app import app
from girder_worker.utils import girder_job, types
from girder_worker.utils.decorators import argument

from {{ cookiecutter.package_name }}.described import Described, GirderFile, output


def write_line_count(path, out_dir):
    """Write the number of lines of path into out_dir/<its name>.lines.txt; return that path."""
    with open(path, "rb") as source:
        count = sum(1 for _ in source)
    result = Path(out_dir) / f"{Path(path).name}.lines.txt"
    result.write_text(f"{count}\n")
    return str(result)


@girder_job(title="Line count", type="{{ cookiecutter.package_name }}.count_lines")
@app.task(base=Described, acks_late=True, reject_on_worker_lost=True)
@argument("file", GirderFile, id="fileId", help="The file to count the lines of.")
@output("item", types.GirderItem, id="itemId", help="The item that receives the count.")
def count_lines(file):
    """Count the lines of a file; return a new directory holding ``<its name>.lines.txt``."""
    out_dir = tempfile.mkdtemp()
    try:
        write_line_count(file, out_dir)
    except BaseException:
        shutil.rmtree(out_dir)
        raise
    return out_dir
