"""The analyses that {{ cookiecutter.package_name }} runs on a girder_worker."""
