"""The girder_io example on an item's page in a real browser: Actions → Count lines."""

import pytest
from girder.models.folder import Folder
from girder.models.item import Item

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.plugin("{{ cookiecutter.plugin_name }}")]

POEM = "first line\nsecond line\nthird line\n"


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    """An item in the user's Public folder that holds poem.txt."""
    folder = Folder().childFolders(user, "user", user=user, filters={"name": "Public"})[0]
    file = girder.uploadFile("poem.txt", POEM, user, folder)
    return Item().load(file["itemId"], force=True)


def file_names(page):
    return page.locator(".g-file-list-link").all_inner_texts()


def test_count_lines_from_an_items_actions_menu_adds_the_result_file_to_the_item(
    girder_ui, user, poem_item
):
    page = girder_ui(user, fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    page.click(".g-{{ cookiecutter.plugin_name }}-count-lines")
    assert page.locator(".g-{{ cookiecutter.plugin_name }}-file option").all_inner_texts() == ["poem.txt"]
    page.click(".g-{{ cookiecutter.plugin_name }}-panel button:has-text('Run')")
    page.wait_for_selector(".g-file-list-link:has-text('poem.txt.lines.txt')")
    assert page.inner_text(".g-{{ cookiecutter.plugin_name }}-job-status") == "Success"
    assert sorted(name.strip() for name in file_names(page)) == ["poem.txt", "poem.txt.lines.txt"]


def test_an_anonymous_visitor_of_a_public_item_is_not_offered_the_action(girder_ui, poem_item):
    page = girder_ui(fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    page.wait_for_selector(".g-download-item")
    assert page.locator(".g-{{ cookiecutter.plugin_name }}-count-lines").count() == 0
