"""The girder_io example on an item's page in a real browser: Actions → Count lines."""

import pytest
from girder.models.folder import Folder
from girder.models.item import Item
from harness.browser import expect, part

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

POEM = "first line\nsecond line\nthird line\n"


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    """An item in the user's Public folder that holds poem.txt."""
    folder = Folder().childFolders(user, "user", user=user, filters={"name": "Public"})[0]
    file = girder.uploadFile("poem.txt", POEM, user, folder)
    return Item().load(file["itemId"], force=True)


def test_count_lines_action_adds_the_result_file(girder_ui, user, poem_item):
    """The item's Actions menu → Count lines adds the result file to the item."""
    page = girder_ui(user, fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    page.click(".g-{{ cookiecutter.plugin_name }}-count-lines")
    expect(part(page, "file").locator("option")).to_have_text(["poem.txt"])
    page.click(".g-{{ cookiecutter.plugin_name }}-panel button:has-text('Run')")
    expect(page.locator(".g-file-list-link")).to_have_text(["poem.txt", "poem.txt.lines.txt"])
    expect(part(page, "job-status")).to_have_text("Success")


def test_anonymous_visitor_is_not_offered_the_action(girder_ui, poem_item):
    """On a public item, the Actions menu of an anonymous visitor lacks Count lines."""
    page = girder_ui(fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    expect(page.locator(".g-download-item")).to_be_visible()
    expect(part(page, "count-lines")).to_have_count(0)
