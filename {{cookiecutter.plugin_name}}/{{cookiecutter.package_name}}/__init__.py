"""{{ cookiecutter.description }}"""

from girder_worker import GirderWorkerPluginABC

#: Hard limit, in seconds, on one run of a task of this plugin.
TASK_TIME_LIMIT = {{ cookiecutter.task_time_limit }}


class {{ cookiecutter.plugin_class }}(GirderWorkerPluginABC):
    """Tells girder_worker which modules hold this plugin's tasks.

    girder_worker builds this class several times in each process, so ``__init__``
    only sets values, never appends. It must not import the task module: that
    module imports ``girder_worker.app``, which is still being built at this point.
    """

    def __init__(self, app, *args, **kwargs):
        self.app = app
        self.app.conf.update(task_time_limit=TASK_TIME_LIMIT)

    def task_imports(self):
        return ["{{ cookiecutter.package_name }}.analyses.tasks"]
