from pathlib import Path

from setuptools import find_packages, setup

setup(
    name="{{ cookiecutter.distribution_name }}",
    version="{{ cookiecutter.version }}",
    description="{{ cookiecutter.description }}",
    long_description=Path(__file__).with_name("README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="{{ cookiecutter.author_name }}",
    author_email="{{ cookiecutter.author_email }}",
{%- if cookiecutter.license == "Proprietary" %}
    classifiers=["License :: Other/Proprietary License"],
{%- else %}
    license="{{ cookiecutter.license }}",
{%- endif %}
    python_requires=">=3.10",
    packages=find_packages(exclude=["tests", "tests.*"]),
{%- if cookiecutter.docker_task %}
    install_requires=["girder-worker[docker]>=5,<6"],
{%- else %}
    install_requires=["girder-worker>=5,<6"],
{%- endif %}
    extras_require={
        # SQLAlchemy carries the broker that the end-to-end test uses when no server is set.
        "test": ["pytest>=7", "SQLAlchemy>=2", "ruff"],
    },
    entry_points={
        "girder_worker_plugins": [
            "{{ cookiecutter.plugin_name }} = {{ cookiecutter.package_name }}:{{ cookiecutter.plugin_class }}",
        ],
    },
)
