"""Log records of this package, written to the log of the Girder job a task runs for.

girder_worker copies what a task prints into its Girder job's log, but not what
it logs: the worker's log handlers keep the streams they were given at start-up.
"""

import logging

from celery import current_task


class GirderJobLogHandler(logging.Handler):
    """Writes each record to the job of the task running now, if it has one."""

    def emit(self, record):
        manager = getattr(current_task, "job_manager", None) if current_task else None
        if manager is None:
            return
        try:
            manager.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def send_to_girder_job(logger):
    """Give logger a GirderJobLogHandler, once however often it is called; return logger."""
    if not any(isinstance(handler, GirderJobLogHandler) for handler in logger.handlers):
        handler = GirderJobLogHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    return logger
