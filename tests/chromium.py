"""Headless Chromium driven over the Chrome DevTools Protocol, with no new dependency.

Chromium is started with ``--remote-debugging-pipe``: it reads protocol
messages (JSON, each ending in a NUL byte) on file descriptor 3 and writes on
descriptor 4. A reader thread queues what arrives; :meth:`Browser.send`
waits for the answer to one command and keeps the events that came first.

:meth:`Browser.visit` opens a file in a fresh tab and records what a security
review of a page needs: every request the page made, every console error,
CSP violation or uncaught exception, the document title, and a census of
the DOM (scripts, event-handler attributes, links and their schemes).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
LAPTOP = {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}
#: Chromium cannot capture a page taller than its largest texture
MAX_SCREENSHOT_HEIGHT = 16_000

#: what the page holds that could run or fetch: counted in the page itself
DOM_CENSUS = """(() => {
  const all = [...document.querySelectorAll('*')];
  const handlers = all.flatMap(e => [...e.attributes].filter(a => a.name.toLowerCase().startsWith('on'))
                                       .map(a => e.tagName + '[' + a.name + ']'));
  const hrefs = [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .flatMap(e => ['href', 'src', 'action', 'formaction'].map(n => e.getAttribute(n)).filter(v => v !== null));
  return {
    scripts: document.scripts.length,
    handlers: handlers,
    embeds: document.querySelectorAll(
      'iframe, frame, object, embed, img, video, audio, source, link, base, form, meta[http-equiv=refresh]').length,
    references: hrefs,
    text: document.body ? document.body.innerText : '',
    title: document.title,
  };
})()"""

#: how long to wait for Chromium before calling it hung: a guard against a stuck
#: browser, not a performance limit (these machines are shared and slow at times)
HANG_GUARD = 300.0


def executable() -> str:
    """Chromium to use: ``$POLICY_LINT_CHROMIUM``, else ``chromium`` on the PATH."""
    found = os.environ.get("POLICY_LINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise RuntimeError("Chromium is not installed: apt-get install -y chromium (see .ci/run)")
    return found


class ProtocolError(RuntimeError):
    pass


@dataclass
class Visit:
    url: str
    title: str
    requests: list[str]
    errors: list[str]
    census: dict[str, Any]
    screenshot: bytes = b""
    pdf: bytes = b""
    #: the page's full height in CSS pixels (when a screenshot was taken)
    height: int = 0
    #: name -> PNG of one element (the ``shots`` asked for)
    shots: dict[str, bytes] = field(default_factory=dict)
    #: what the ``evaluate`` expression returned
    value: Any = None


class Browser:
    def __init__(self, binary: str | None = None) -> None:
        self.profile = tempfile.mkdtemp(prefix="policy-lint-chromium-")
        to_browser_read, self._write = os.pipe()
        self._read, from_browser_write = os.pipe()

        def descriptors_3_and_4() -> None:  # runs in the child between fork and exec
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [binary or executable(), *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=descriptors_3_and_4,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._events: list[dict[str, Any]] = []
        self._next_id = 0
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._read, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                self._inbox.put(None)
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            for message in messages:
                self._inbox.put(json.loads(message))

    def _receive(self, timeout: float) -> dict[str, Any]:
        try:
            message = self._inbox.get(timeout=timeout)
        except queue.Empty:
            raise ProtocolError(f"Chromium sent nothing for {timeout} s") from None
        if message is None:
            raise ProtocolError("Chromium closed the DevTools pipe (did it crash?)")
        return message

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None, timeout: float = HANG_GUARD
    ) -> Any:
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(max(0.1, deadline - time.monotonic()))
            if reply.get("id") == ident:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = self._inbox.get(timeout=left)
            except queue.Empty:
                return
            if message is None:
                raise ProtocolError("Chromium closed the DevTools pipe")
            self._events.append(message)

    def _wait_for(self, method: str, session: str, timeout: float = HANG_GUARD) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method and e.get("sessionId") == session for e in self._events):
            if time.monotonic() > deadline:
                raise ProtocolError(f"no {method} within {timeout} s")
            self._events.append(self._receive(max(0.1, deadline - time.monotonic())))

    def visit(
        self,
        path: Path,
        *,
        screenshot: bool = False,
        pdf: bool = False,
        media: str = "",
        shots: dict[str, str] | None = None,
        evaluate: str = "",
        width: int = LAPTOP["width"],
    ) -> Visit:
        """Open ``path`` in a new tab at laptop size and record what happened.

        ``media`` emulates a CSS media type for the screenshot ("print" to see
        the print styles); leave it empty when printing a PDF, which uses print.
        ``shots`` names elements (name -> CSS selector) to capture one by one;
        ``evaluate`` is an expression whose value is kept; ``width`` sets the
        viewport's width in CSS pixels.
        """
        url = path.resolve().as_uri()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.send(f"{domain}.enable", session=session)
            self.send("Emulation.setDeviceMetricsOverride", {**LAPTOP, "width": width}, session)
            self.send("Emulation.setScrollbarsHidden", {"hidden": True}, session)  # as on paper
            if media:
                self.send("Emulation.setEmulatedMedia", {"media": media}, session)
            self._events = [e for e in self._events if e.get("sessionId") != session]
            self.send("Page.navigate", {"url": url}, session)
            self._wait_for("Page.loadEventFired", session)
            self._drain(0.5)  # let late failures (an image error handler, a CSP report) arrive
            census = self.send("Runtime.evaluate", {"expression": DOM_CENSUS, "returnByValue": True}, session)[
                "result"
            ]["value"]
            shot, printed, height = b"", b"", 0
            if screenshot:
                height = int(self.send("Page.getLayoutMetrics", session=session)["cssContentSize"]["height"])
                clip = {
                    "x": 0,
                    "y": 0,
                    "width": LAPTOP["width"],
                    "height": min(height, MAX_SCREENSHOT_HEIGHT),
                    "scale": 1,
                }
                shot = self._capture(
                    "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}, session
                )
            pictures = {name: self._element(selector, session) for name, selector in (shots or {}).items()}
            value = None
            if evaluate:
                value = self.send("Runtime.evaluate", {"expression": evaluate, "returnByValue": True}, session)[
                    "result"
                ].get("value")
            if pdf:
                printed = self._capture(
                    "Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}, session
                )
            requests, errors = self._observations(session)
            return Visit(url, census["title"], requests, errors, census, shot, printed, height, pictures, value)
        finally:
            with contextlib.suppress(ProtocolError):
                self.send("Target.closeTarget", {"targetId": target})

    def _element(self, selector: str, session: str) -> bytes:
        """A PNG of the element ``selector`` names, at its place in the page."""
        box = self.send(
            "Runtime.evaluate",
            {
                "expression": f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                ".getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()",
                "returnByValue": True,
            },
            session,
        )["result"]["value"]
        x, y, width, height = box
        clip = {"x": x, "y": y, "width": width, "height": min(height, MAX_SCREENSHOT_HEIGHT), "scale": 1}
        return self._capture(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}, session
        )

    def _capture(self, method: str, params: dict[str, Any], session: str) -> bytes:
        return base64.b64decode(self.send(method, params, session)["data"])

    def _observations(self, session: str) -> tuple[list[str], list[str]]:
        requests, errors = [], []
        for event in self._events:
            if event.get("sessionId") != session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                requests.append(params["request"]["url"])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(f"{params['entry'].get('source')}: {params['entry']['text']}")
            elif method == "Runtime.exceptionThrown":
                errors.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(f"console.{params['type']}: {params.get('args')}")
        self._events = [e for e in self._events if e.get("sessionId") != session]
        return requests, errors

    def close(self) -> None:
        with contextlib.suppress(ProtocolError, OSError):
            self.send("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for descriptor in (self._write, self._read):
            with contextlib.suppress(OSError):
                os.close(descriptor)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
