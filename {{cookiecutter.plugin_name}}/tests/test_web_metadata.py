"""The girder_client example's page in a real browser: the counts shown in the item's metadata."""

import pytest
from girder.models.item import Item
from harness.browser import choose, expect, part
from harness.girder import private_folder

from {{ cookiecutter.package_name }}.analyses.metadata import METADATA_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    poem = "first line\nsecond line\nthird\n"
    file = girder.uploadFile("poem.txt", poem, user, private_folder(user))
    return Item().load(file["itemId"], force=True)


def test_count_words_page_shows_counts_in_metadata(girder_ui, user, poem_item):
    """A user counts a file into its item; the item's page shows the counts."""
    page = girder_ui(user, fragment="{{ cookiecutter.plugin_name }}/count_words_into_metadata")
    choose(page, "fileId", "Private", "poem.txt")
    choose(page, "itemId", "Private", "poem.txt")
    page.click("button:has-text('Run')")
    expect(part(page, "job-status")).to_have_text("Success")
    counts = Item().load(poem_item["_id"], force=True)["meta"][METADATA_KEY]
    assert counts == {"lines": 3, "words": 5}
    page.goto(page.url.split("#")[0] + f"#item/{poem_item['_id']}")
    expect(page.locator(".g-widget-metadata-container")).to_contain_text('"words": 5')
