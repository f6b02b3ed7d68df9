"""A small headless-Chromium driver over the DevTools protocol on a pipe (no extra packages).

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from
fd 3 and writes replies and events to fd 4, each message JSON ended by NUL.
``Browser.load`` opens a page and records what a researcher's browser would:
console messages, uncaught exceptions, log entries and every network request.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome-error:", "devtools:")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _above_nine(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class ProtocolError(RuntimeError):
    pass


@dataclass
class PageReport:
    """What happened while a page was open."""

    url: str
    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    exceptions: list[str] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)  # (level, source, text)
    requests: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        out = [f"console.{lvl}: {txt}" for lvl, txt in self.console if lvl in ("error", "assert")]
        out += [f"exception: {x}" for x in self.exceptions]
        out += [f"log {lvl} ({src}): {txt}" for lvl, src, txt in self.log if lvl == "error"]
        return out

    @property
    def remote_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]


class Browser:
    """One headless Chromium; ``with Browser() as b: report = b.load(path)``."""

    def __init__(self, executable: str | None = None, width: int = 1400, height: int = 900):
        exe = executable or find_chromium()
        if exe is None:
            raise FileNotFoundError("chromium not found")
        self._profile = tempfile.mkdtemp(prefix="vbgraph-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Move Chromium's ends above 9, so mapping them onto 3 and 4 cannot clobber each other.
        to_chrome_r, from_chrome_w = _above_nine(to_chrome_r), _above_nine(from_chrome_w)
        args = [
            exe,
            *FLAGS,
            f"--user-data-dir={self._profile}",
            f"--window-size={width},{height}",
            "about:blank",
        ]

        def onto_3_and_4() -> None:  # in the child, before exec; the sources are above 9
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self._proc = subprocess.Popen(
            args,
            pass_fds=(3, 4),
            preexec_fn=onto_3_and_4,  # the only way to place fds 3 and 4
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        self.width, self.height = width, height

    # -- protocol ---------------------------------------------------------

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from chromium in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    err = (
                        self._proc.stderr.read().decode(errors="replace")
                        if self._proc.stderr
                        else ""
                    )
                    raise ProtocolError(f"chromium closed the pipe: {err[-2000:]}")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = 30,
    ) -> dict[str, Any]:
        self._next_id += 1
        mid = self._next_id
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == mid:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def pump(self, seconds: float) -> None:
        """Collect events for ``seconds``."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    # -- pages ------------------------------------------------------------

    def load(
        self,
        path: Path,
        ready: str = "document.documentElement.dataset.ready === '1'",
        timeout: float = 60,
        settle: float = 0.5,
    ) -> Page:
        """Open ``path`` from file:// in a fresh tab and wait until ``ready`` is true."""
        return self.load_url(path.resolve().as_uri(), ready, timeout, settle, name=path.name)

    def load_url(
        self,
        url: str,
        ready: str = "document.documentElement.dataset.ready === '1'",
        timeout: float = 60,
        settle: float = 0.5,
        name: str | None = None,
    ) -> Page:
        """Open ``url`` in a fresh tab and wait until ``ready`` is true."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Runtime", "Log", "Network", "Page"):
            self.send(f"{domain}.enable", session=session)
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        self._events.clear()
        page = Page(self, session, target, PageReport(url))
        self.send("Page.navigate", {"url": url}, session=session)
        page.load_seconds = page.wait_for(ready, timeout, what=name or url)
        self.pump(settle)
        page.collect()
        return page

    def close(self) -> None:
        with contextlib.suppress(ProtocolError, TimeoutError, OSError):
            self.send("Browser.close", timeout=5)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            with contextlib.suppress(OSError):
                os.close(fd)
        if self._proc.stderr:
            self._proc.stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    def __init__(self, browser: Browser, session: str, target: str, report: PageReport):
        self.browser, self.session, self.target, self.report = browser, session, target, report
        self.load_seconds = 0.0

    def evaluate(self, expression: str) -> Any:
        result = self.browser.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self.session,
        )
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, condition: str, timeout: float = 60, what: str = "the page") -> float:
        """Wait until the JS expression ``condition`` is true; the seconds it took."""
        started = time.monotonic()
        probe = f"(() => {{ try {{ return !!({condition}); }} catch (e) {{ return false; }} }})()"
        while not self.evaluate(probe):
            if time.monotonic() - started > timeout:
                self.collect()
                raise TimeoutError(
                    f"{what}: not ready after {timeout}s; errors: {self.report.errors}"
                )
            self.browser.pump(0.1)
        return time.monotonic() - started

    def click(self, x: float, y: float) -> None:
        """A real left click at viewport coordinates (mouse pressed and released)."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.browser.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left" if kind != "mouseMoved"
                 else "none", "clickCount": 1},
                session=self.session,
            )

    def collect(self) -> None:
        """Move this page's recorded events into its report."""
        keep = []
        for ev in self.browser._events:
            if ev.get("sessionId") != self.session:
                keep.append(ev)
                continue
            method, p = ev.get("method"), ev.get("params", {})
            if method == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
                self.report.console.append((p["type"], text))
            elif method == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                self.report.exceptions.append(
                    d.get("exception", {}).get("description") or d.get("text", "")
                )
            elif method == "Log.entryAdded":
                e = p["entry"]
                self.report.log.append((e["level"], e.get("source", ""), e.get("text", "")))
            elif method == "Network.requestWillBeSent":
                self.report.requests.append(p["request"]["url"])
        self.browser._events[:] = keep

    def screenshot(self, out: Path) -> Path:
        data = self.browser.send("Page.captureScreenshot", {"format": "png"}, session=self.session)[
            "data"
        ]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(data))
        return out

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
