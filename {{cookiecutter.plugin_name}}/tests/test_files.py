"""The girder_io example: on a local file, then through girder_worker's transforms, in
this process and through a real worker, against a local HTTP server that plays
Girder's file endpoints."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from girder_client import GirderClient
from girder_worker.app import app
from girder_worker.utils.transforms.girder_io import GirderFileId, GirderUploadToItem

from {{ cookiecutter.package_name }}.analyses.files import count_lines

CONTENT = b"first\nsecond\nthird\n"


class FakeGirderFiles(ThreadingHTTPServer):
    """One file to download (id "in"), and an item (id "out") that records uploads."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FileEndpoints)
        self.uploads = {}

    @property
    def api_url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/api/v1"


class FileEndpoints(BaseHTTPRequestHandler):
    def route(self):
        parts = urlsplit(self.path)
        return parts.path.removeprefix("/api/v1/"), parse_qs(parts.query)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path, _ = self.route()
        if path == "file/in":
            self.reply({"_id": "in", "name": "input.txt", "size": len(CONTENT), "created": "now"})
        elif path == "file/in/download":
            self.reply(CONTENT, content_type="application/octet-stream")
        elif path == "item/out/files":
            self.reply([])
        else:
            self.send_error(404)

    def do_POST(self):  # noqa: N802
        path, query = self.route()
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if path == "file":
            upload_id = f"upload-{len(self.server.uploads)}"
            self.server.uploads[upload_id] = {"name": query["name"][0], "data": b""}
            self.reply({"_id": upload_id, "name": query["name"][0]})
        elif path == "file/chunk":
            upload = self.server.uploads[query["uploadId"][0]]
            upload["data"] += body
            self.reply({"_id": "file-out", "_modelType": "file", "name": upload["name"]})
        else:
            self.send_error(404)

    def reply(self, document, content_type="application/json"):
        payload = document if isinstance(document, bytes) else json.dumps(document).encode()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def girder():
    server = FakeGirderFiles()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_task_writes_the_line_count_of_a_local_file(tmp_path):
    source = tmp_path / "input.txt"
    source.write_bytes(CONTENT)
    result = count_lines(str(source))
    assert result.endswith("input.txt.lines.txt")
    assert Path(result).read_text() == "3\n"


def test_a_girder_file_goes_in_and_the_result_file_is_uploaded_to_the_item(girder):
    client = GirderClient(apiUrl=girder.api_url)
    source = GirderFileId("in", gc=client)
    try:
        local_path = source.transform()
        assert Path(local_path).read_bytes() == CONTENT
        result_path = count_lines(local_path)
        assert GirderUploadToItem("out", gc=client).transform(result_path) == "out"
    finally:
        source.cleanup()
    assert list(girder.uploads.values()) == [{"name": "in.lines.txt", "data": b"3\n"}]


def test_a_real_worker_downloads_the_file_and_uploads_the_result(worker, worker_env, girder):
    # girder_worker's own app sends the task, as a Girder plugin does: its serializer
    # carries the transforms and its publish hook carries the result hook.
    app.conf.update(
        broker_url=worker_env["GIRDER_WORKER_BROKER"],
        result_backend=worker_env["GIRDER_WORKER_BACKEND"],
    )
    client = GirderClient(apiUrl=girder.api_url)
    result = count_lines.apply_async(
        (GirderFileId("in", gc=client),),
        girder_result_hooks=[GirderUploadToItem("out", gc=client)],
        girder_job_disable=True,
    )
    assert result.get(timeout=60) == "out", worker.log_tail()
    assert list(girder.uploads.values()) == [{"name": "in.lines.txt", "data": b"3\n"}]
