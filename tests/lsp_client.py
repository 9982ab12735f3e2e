"""A minimal Language Server Protocol client: open YAML files in yaml-language-server, collect its diagnostics.

The server is the real one from npm (what VS Code's YAML extension runs). .ci/run installs it with
npm into .cache/yaml-language-server when npm is there; tests skip with a reason when it is not.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LOCAL = ROOT / ".cache" / "yaml-language-server" / "node_modules" / ".bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "completion": True, "schemaStore": {"enable": False}, "schemas": {}}}


def server_command() -> list[str] | None:
    found = os.environ.get("YAML_LANGUAGE_SERVER") or (str(LOCAL) if LOCAL.exists() else None)
    found = found or shutil.which("yaml-language-server")
    return [found, "--stdio"] if found and shutil.which("node") else None


class Server:
    def __init__(self, command: list[str]):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        """Messages as the server writes them (a thread: select() cannot see what a buffered reader holds)."""
        out = self.process.stdout
        assert out is not None
        while True:
            length = 0
            while (line := out.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if not line or not length:
                return
            self.messages.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self, timeout: float) -> dict[str, Any] | None:
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            return None

    def answer(self, request: dict[str, Any]) -> None:
        """The server asks for its settings (workspace/configuration); anything else gets null."""
        items = request.get("params", {}).get("items", [])
        result = [SETTINGS["yaml"]] * len(items) if request["method"] == "workspace/configuration" else None
        self.send({"id": request["id"], "result": result})

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def diagnostics(paths: list[Path], timeout: float = 60.0) -> dict[Path, list[dict[str, Any]]]:
    """Open every file; return the diagnostics the server publishes last for each.

    The first file is opened alone: while the server loads the schema it may publish an empty list
    before the real one. The others follow once the schema is cached; then we wait for silence."""
    command = server_command()
    assert command is not None
    server = Server(command)
    uris = {p.resolve().as_uri(): p for p in paths}
    waiting = list(uris)
    found: dict[Path, list[dict[str, Any]]] = {}

    def open_documents(batch: list[str]) -> None:
        for uri in batch:
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": uris[uri].read_text(encoding="utf-8")}
            server.send({"method": "textDocument/didOpen", "params": {"textDocument": document}})

    try:
        server.send(
            {"id": 0, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": None, "capabilities": {}}}
        )
        deadline = time.monotonic() + timeout
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            message = server.receive(0.25)
            if message is None:
                if len(found) == len(uris) and time.monotonic() - quiet_since > 2.0:
                    break  # every file has its diagnostics and the server has gone quiet (no late update)
                if waiting and found and time.monotonic() - quiet_since > 1.0:
                    open_documents(waiting)  # the schema is loaded: the rest at once
                    waiting = []
                continue
            quiet_since = time.monotonic()
            if message.get("id") == 0 and "result" in message:
                server.send({"method": "initialized", "params": {}})
                server.send({"method": "workspace/didChangeConfiguration", "params": {"settings": SETTINGS}})
                open_documents(waiting[:1])
                waiting = waiting[1:]
            elif "method" in message and "id" in message:
                server.answer(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                uri = message["params"]["uri"]
                if uri in uris:
                    found[uris[uri]] = message["params"]["diagnostics"]
    finally:
        server.close()
    return found
