"""Running the web app: bind the address, serve with uvicorn until Ctrl+C or SIGTERM."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
from collections.abc import Callable
from types import FrameType

import uvicorn

from vbgraph.errors import VbgraphError
from vbgraph.graph.store import GraphStore
from vbgraph.views.html import vis_assets
from vbgraph.web.app import LOOPBACK_HOSTS, create_app
from vbgraph.web.render import environment

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


class ServeError(VbgraphError):
    """The server cannot listen where it was asked to."""


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port`` (port 0: any free port)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host!r}: {exc.strerror}; give an address such "
                         "as 127.0.0.1 with --host") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}; choose another "
                         "port with --port (0 picks a free one)") from None
    return sock


def is_loopback(sock: socket.socket) -> bool:
    return ipaddress.ip_address(sock.getsockname()[0]).is_loopback


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def warm_up() -> None:
    """Compile the templates and load the graph library before saying ready."""
    env = environment()
    for name in env.list_templates():
        env.get_template(name)
    vis_assets()


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            self._on_ready()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        """Ctrl+C or SIGTERM: shut down, then return normally so the store is closed
        (uvicorn would raise the signal again once stopped: a SIGTERM would then end the
        process before the embedded server is stopped)."""
        super().handle_exit(sig, frame)
        self._captured_signals.clear()


def serve(store: GraphStore, sock: socket.socket, on_ready: Callable[[str], None],
          open_browser: bool = False) -> None:
    """Serve ``store`` read-only on the bound ``sock`` until interrupted."""
    loopback = is_loopback(sock)
    hosts = (*LOOPBACK_HOSTS, sock.getsockname()[0]) if loopback else None
    app = create_app(store, hosts=hosts)
    warm_up()
    url = url_of(sock)

    def ready() -> None:
        on_ready(url)
        if open_browser:
            import webbrowser

            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    with contextlib.closing(sock):
        _Server(config, ready).run(sockets=[sock])
