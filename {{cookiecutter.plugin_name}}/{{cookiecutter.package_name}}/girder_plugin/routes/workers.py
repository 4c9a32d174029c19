"""``GET /{{ cookiecutter.plugin_name }}/workers``: whether a worker serves the plugin's queue now.

A page asks while its job waits, to say why. It only reports: queueing is allowed whatever
it finds, as the broker keeps the message. It answers within seconds even when the broker
is down, so a page may poll it.
"""

from concurrent.futures import ThreadPoolExecutor

from girder.api import access
from girder.api.describe import Description, autoDescribeRoute

from {{ cookiecutter.package_name }} import QUEUE

#: Seconds to wait for the broker, and for workers to answer a broadcast.
TIMEOUT = 2.0


@access.user
@autoDescribeRoute(
    Description("Whether a worker serves this plugin's queue now.")
    .notes(
        "serving is null where the broker cannot tell (no broadcast) or does not answer."
        " A page asks while a job waits: the job runs once a worker starts."
    )
    .errorResponse("You are not logged in.", 401)
)
def get_workers():
    # Celery retries a silent broker for longer than a page waits, so the call gets a bound;
    # a call past it finishes in a thread nobody waits for.
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return {"serving": pool.submit(queue_is_served).result(timeout=TIMEOUT * 2)}
    except Exception:
        return {"serving": None}
    finally:
        pool.shutdown(wait=False)


def queue_is_served():
    """True or False as the workers answer; None where the broker cannot broadcast."""
    from girder_worker.app import app

    with app.connection_for_write(connect_timeout=TIMEOUT) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, timeout=TIMEOUT)
        if "fanout" not in connection.transport.implements.exchange_type:
            return None
        replies = app.control.inspect(timeout=TIMEOUT / 2, connection=connection).active_queues()
    queues = [queue for worker in (replies or {}).values() for queue in worker]
    return any(queue.get("name") == QUEUE for queue in queues)


ROUTES = [("GET", ("workers",), get_workers)]
