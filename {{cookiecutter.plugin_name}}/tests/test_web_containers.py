"""The docker example on an item's page in a real browser: Actions → Count words in a container."""

import pytest
from girder.models.item import Item
from harness import docker
from harness.browser import expect, part
from harness.girder import private_folder

from {{ cookiecutter.package_name }}.analyses import containers

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.browser,
    pytest.mark.docker,
    pytest.mark.plugin("{{ cookiecutter.plugin_name }}"),
]


@pytest.fixture
def poem_item(girder, user, fsAssetstore):
    file = girder.uploadFile("poem.txt", "first line\nsecond\n", user, private_folder(user))
    return Item().load(file["itemId"], force=True)


@pytest.fixture
def example_runs_the_test_image(docker_engine, monkeypatch):
    """Set the example's image variables, for this test, to the local image, never pulled."""
    image = docker.image_or_skip(docker_engine, "GW_TEST_DOCKER_IMAGE")
    monkeypatch.setenv(containers.IMAGE_VARIABLE, image)
    monkeypatch.setenv(containers.PULL_VARIABLE, "no")


def test_count_words_action_adds_the_counts_file(
    girder_ui, user, poem_item, example_runs_the_test_image
):
    """The item's Actions menu → Count words in a container adds the counts file to the item."""
    page = girder_ui(user, fragment=f"item/{poem_item['_id']}")
    page.click(".g-item-actions-button")
    page.click(".g-{{ cookiecutter.plugin_name }}-count-words")
    page.click(".g-{{ cookiecutter.plugin_name }}-panel button:has-text('Run')")
    expect(page.locator(".g-file-list-link", has_text="poem.txt.wc.txt")).to_be_visible()
    expect(part(page, "job-status")).to_have_text("Success")
