"""Route modules, each listing its routes as ``ROUTES = [(method, path, handler)]``.

One module per example, named after it, plus the routes every example shares: ``jobs``
(a job's result, and whether a worker serves the queue){% if cookiecutter.deployment %}, and
``status`` (the deployment's health, for admins){% endif %}.
"""
