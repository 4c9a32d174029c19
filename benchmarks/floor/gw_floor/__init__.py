from girder_worker import GirderWorkerPluginABC


class FloorPlugin(GirderWorkerPluginABC):
    def __init__(self, app, *args, **kwargs):
        self.app = app

    def task_imports(self):
        return ["gw_floor.tasks"]
