"""The girder_client example on an item's page in a real browser: Actions → Count words into metadata."""

import pytest
from girder.models.item import Item
from harness.browser import expect
from harness.girder import private_folder

from {{ cookiecutter.package_name }}.analyses.metadata import METADATA_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    poem = "first line\nsecond line\nthird\n"
    file = girder.uploadFile("poem.txt", poem, user, private_folder(user))
    return Item().load(file["itemId"], force=True)


def test_count_words_action_shows_the_counts_in_metadata(girder_ui, user, poem_item):
    """The item's Actions menu → Count words into metadata shows the counts on its page."""
    page = girder_ui(user, fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    page.click(".g-{{ cookiecutter.plugin_name }}-count-words-into-metadata")
    page.click(".g-{{ cookiecutter.plugin_name }}-panel button:has-text('Run')")
    expect(page.locator(".g-widget-metadata-key", has_text=METADATA_KEY)).to_be_visible()
    counts = Item().load(poem_item["_id"], force=True)["meta"][METADATA_KEY]
    assert counts == {"lines": 3, "words": 5}
    expect(page.locator(".g-widget-metadata-container")).to_contain_text('"words": 5')
