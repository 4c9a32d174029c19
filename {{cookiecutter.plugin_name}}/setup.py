from pathlib import Path

from setuptools import find_packages, setup

{% if cookiecutter.deployment %}
# trustme makes the certificates of the broker's TLS tests at run time.
TEST = ["pytest>=7", "pytest-xdist>=3", "ruff", "trustme>=1"]
{% else %}
TEST = ["pytest>=7", "pytest-xdist>=3", "ruff"]
{% endif %}
# python -m {{ cookiecutter.package_name }} dev: a reloading worker{% if cookiecutter.girder_plugin %}, and Girder on an in-memory stand-in for MongoDB{% endif %}.
DEV = ["watchfiles>=0.20"]
{% if cookiecutter.girder_plugin %}
GIRDER_SERVER = ["girder>=5,<6", "girder-jobs>=5,<6", "girder-plugin-worker>=5,<6"]
DEV += [*GIRDER_SERVER, "uvicorn>=0.29", "mongomock-ng>=7"]
{% endif %}

setup(
    name="{{ cookiecutter.distribution_name }}",
    # The version comes from git: see [tool.setuptools_scm] in pyproject.toml.
    description="{{ cookiecutter.description }}",
    long_description=Path(__file__).with_name("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="{{ cookiecutter.author_name }}",
    author_email="{{ cookiecutter.author_email }}",
{% if cookiecutter.license == "Proprietary" %}
    classifiers=["License :: Other/Proprietary License"],
{% else %}
    license="{{ cookiecutter.license }}",
{% endif %}
    python_requires=">=3.11",
    packages=find_packages(exclude=["tests", "tests.*"]),
{% if cookiecutter.girder_plugin and cookiecutter.web_client %}
    # The Girder plugin's web client, built: never its sources or node_modules (nor in the sdist).
    package_data={"{{ cookiecutter.package_name }}.girder_plugin": ["web_client/dist/*"]},
{% endif %}
    # A worker host needs only this; the Girder host adds the "girder" extra.
    install_requires=["girder-worker>=5,<6"],
    extras_require={
{% if cookiecutter.deployment %}
        # Flower, which watches the workers: the worker image carries it for compose's
        # monitoring profile.
        "monitoring": ["flower>=2.2"],
{% endif %}
{% if cookiecutter.girder_plugin %}
        "girder": GIRDER_SERVER,
        "dev": DEV,
        # The tests run a real Girder server, on an in-memory stand-in for MongoDB.
        "test": [*TEST, *GIRDER_SERVER, "pytest-girder>=5,<6", "mongomock-ng>=7"],
{% if cookiecutter.web_client %}
        # Playwright's pytest fixtures drive a browser for the web client's tests; the browser
        # itself is not a package.
        "browser": ["pytest-playwright[base-url]>=0.10"],
{% endif %}
{% else %}
        "dev": DEV,
        "test": TEST,
{% endif %}
    },
    entry_points={
        "girder_worker_plugins": [
            "{{ cookiecutter.plugin_name }} = {{ cookiecutter.package_name }}:{{ cookiecutter.plugin_class }}",
        ],
{% if cookiecutter.girder_plugin %}
        "girder.plugin": [
            "{{ cookiecutter.plugin_name }} = {{ cookiecutter.package_name }}.girder_plugin:{{ cookiecutter.plugin_class | girder_class_name }}",
        ],
{% endif %}
    },
)
