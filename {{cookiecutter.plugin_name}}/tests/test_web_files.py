"""The girder_io example's page in a real browser: made from its description, with the file and
the item chosen in Girder's own browser."""

import pytest
from girder.models.folder import Folder
from girder.models.item import Item
from harness.browser import choose, expect, part

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

POEM = "first line\nsecond line\nthird line\n"
PAGE = "{{ cookiecutter.plugin_name }}/count_lines"


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    """An item in the user's Public folder that holds poem.txt."""
    folder = Folder().childFolders(user, "user", user=user, filters={"name": "Public"})[0]
    file = girder.uploadFile("poem.txt", POEM, user, folder)
    return Item().load(file["itemId"], force=True)


def test_count_lines_page_puts_the_count_in_the_item(girder_ui, user, poem_item):
    """A user chooses the file and the item; the count comes back into the item as a file."""
    page = girder_ui(user, fragment=PAGE)
    choose(page, "fileId", "Public", "poem.txt")
    choose(page, "itemId", "Public", "poem.txt")
    page.click("button:has-text('Run')")
    expect(part(page, "job-status")).to_have_text("Success")
    expect(part(page, "result-note")).to_have_text("The result went into poem.txt.")
    files = {file["name"]: file for file in Item().childFiles(poem_item)}
    assert sorted(files) == ["poem.txt", "poem.txt.lines.txt"]


def test_anonymous_visitor_is_offered_a_log_in(girder_ui, poem_item):
    """An anonymous visitor sees the page, but no form: a log-in button instead."""
    page = girder_ui(fragment=PAGE)
    expect(part(page, "login")).to_be_visible()
    expect(page.locator(".g-{{ cookiecutter.plugin_name }}-page form")).to_have_count(0)
