"""The parts the end-to-end tests run on, each in a module of its own.

- ``workers``: a real ``celery -A girder_worker.app worker`` process, and the broker it uses;
- ``tasks``: tasks that only tests run, which the session's worker has too;
{% if cookiecutter.girder_plugin %}
- ``girder``: Girder's own test server, on an in-memory stand-in for MongoDB unless told otherwise;
{% endif %}
{% if cookiecutter.docker_task or cookiecutter.deployment %}
- ``docker``: the local Docker engine, for tests that start containers.
{% endif %}

``tests/conftest.py`` turns them into pytest fixtures. The modules are plain Python, so
anything else (a benchmark, a script) can drive a worker the same way.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
#: Seconds to wait for a worker to start, a task to finish, a worker to stop.
READY_TIMEOUT = 60
RESULT_TIMEOUT = 60
# A warm shutdown finishes the tasks in hand first; docker stop gets the same grace period.
STOP_TIMEOUT = 60
