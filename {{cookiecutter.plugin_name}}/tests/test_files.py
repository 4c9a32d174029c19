"""The girder_io example: a file goes in, a file that holds its line count comes out."""

from pathlib import Path

import pytest
{% if cookiecutter.girder_plugin %}
from girder.models.item import Item
from girder.models.user import User
from girder_client import HttpError
from harness.girder import client, job_count, private_folder, run_file_route
{% endif %}

from {{ cookiecutter.package_name }}.analyses.files import count_lines
{% if cookiecutter.girder_plugin %}

ROUTE = "{{ cookiecutter.plugin_name }}/count_lines"
{% endif %}


def test_count_lines_writes_the_count_into_a_file_named_after_the_input(tmp_path):
    source = tmp_path / "input.txt"
    source.write_bytes(b"first\nsecond\nthird\n")
    result = count_lines(str(source))
    assert result.endswith("/input.txt.lines.txt")
    assert Path(result).read_text() == "3\n"
    assert count_lines(str(source), name="notes.txt").endswith("/notes.txt.lines.txt")


@pytest.mark.parametrize("name", ["../up", "", 7], ids=["a-path", "empty", "not-text"])
def test_count_lines_refuses_a_name_that_is_not_a_file_name(tmp_path, name):
    source = tmp_path / "input.txt"
    source.write_text("one\n")
    with pytest.raises(ValueError, match="name must be a file name"):
        count_lines(str(source), name=name)
{% if cookiecutter.girder_plugin %}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
def test_a_girder_file_goes_in_and_its_line_count_comes_back_as_a_file_named_after_it(
    girder, user, fsAssetstore
):
    uploaded = run_file_route(girder, user, ROUTE, "first\nsecond\nthird\n")
    assert uploaded == {"notes.txt.lines.txt": b"3\n"}


@pytest.mark.e2e
@pytest.mark.plugin("{{ cookiecutter.plugin_name }}")
@pytest.mark.parametrize("denied", ["file", "item"], ids=["no-read-on-file", "no-write-on-item"])
def test_a_user_without_access_gets_403_and_no_job(girder, user, fsAssetstore, denied):
    other = User().createUser("other", "password", "Other", "User", "other@girder.test")
    source = girder.uploadFile("notes.txt", "one\n", user, private_folder(user))
    if denied == "file":
        target = Item().createItem("Mine", creator=other, folder=private_folder(other))
    else:
        source = girder.uploadFile("notes.txt", "one\n", other, private_folder(other))
        target = Item().createItem("Not mine", creator=user, folder=private_folder(user))
    before = job_count()
    with pytest.raises(HttpError) as refused:
        client(girder, other).post(
            ROUTE, parameters={"fileId": source["_id"], "itemId": str(target["_id"])}
        )
    assert refused.value.status == 403
    assert job_count() == before
{% endif %}
