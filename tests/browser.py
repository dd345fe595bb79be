"""Debian's chromium, headless, from its command line: a page as its JavaScript rendered it.

`render(url)` runs one chromium that loads the page, lets a single-page app fetch its API data
(`--virtual-time-budget`: the page's clock runs ahead while nothing is loading), then prints the
DOM and, if asked, saves a screenshot. Nothing is downloaded: no background networking, no
component updates, no proxy, and every host name but the loopback fails to resolve. The
profile and HOME are in a folder of the caller's; chromium and every process it started are
killed when it is done, when it hangs past `timeout`, or when the caller is interrupted."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = shutil.which("chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-dev-shm-usage",  # a container's /dev/shm is often 64 MB
    "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    "--lang=en-US",
    "--hide-scrollbars",
    "--run-all-compositor-stages-before-draw",
)
WINDOW_SIZE = "1400,1000"


class _Parser(HTMLParser):
    """The text of a page, its headings, and its tables as rows of cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.headings: list[str] = []
        self.tables: list[list[tuple[str, ...]]] = []
        self._skip = 0
        self._heading: list[str] | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "template"):
            self._skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "template"):
            self._skip = max(0, self._skip - 1)
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append(_squeeze(" ".join(self._heading)))
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(_squeeze(" ".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self.tables:
                self.tables[-1].append(tuple(self._row))
            self._row = None

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for part in (self._heading, self._cell):
            if part is not None:
                part.append(data)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Page:
    url: str
    dom: str  # the DOM once the page's JavaScript ran, as chromium serialised it
    screenshot: Path | None
    log: Path  # chromium's own output

    def __post_init__(self):
        parser = _Parser()
        parser.feed(self.dom)
        parser.close()
        self.text = _squeeze(" ".join(parser.text))
        self.headings = parser.headings
        self._tables = parser.tables

    def table(self, first_header: str) -> list[tuple[str, ...]]:
        """The body rows of the first table whose header row starts with `first_header`."""
        for rows in self._tables:
            if rows and rows[0] and rows[0][0] == first_header:
                return rows[1:]
        raise AssertionError(
            f"no table headed {first_header!r} on {self.url}; tables: {[rows[0] for rows in self._tables if rows]}"
        )

    def missing(self, texts) -> list[str]:
        return [text for text in texts if text not in self.text]


def render(
    url: str,
    work_dir: Path,
    *,
    screenshot: Path | None = None,
    expect=(),
    attempts: int = 3,
    budget_ms: int = 20_000,
    timeout: float = 90,
) -> Page:
    """The page at `url` once rendered. If a text of `expect` is not on it yet (a slow machine:
    the API answered after the budget ran out), or the browser hung past `timeout` (headless
    chromium now and then never exits its virtual-time run), it is rendered again, up to
    `attempts` times."""
    if CHROMIUM is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    work_dir.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, attempts + 1):
        run_dir = Path(tempfile.mkdtemp(prefix="chromium-", dir=work_dir))
        try:
            page = _render_once(url, run_dir, screenshot, budget_ms * attempt, timeout)
        except BrowserHung:
            if attempt == attempts:
                raise
            continue
        if not page.missing(expect):
            break
    return page


class BrowserHung(AssertionError):
    """Chromium did not exit within its time limit: killed, its page unread."""


def _render_once(url: str, run_dir: Path, screenshot: Path | None, budget_ms: int, timeout: float) -> Page:
    home = run_dir / "home"
    home.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    args = [
        CHROMIUM,
        *FLAGS,
        f"--user-data-dir={run_dir / 'profile'}",
        f"--window-size={WINDOW_SIZE}",
        f"--virtual-time-budget={budget_ms}",
        "--dump-dom",
    ]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        screenshot.unlink(missing_ok=True)
        args.append(f"--screenshot={screenshot}")
    dom_file, log = run_dir / "dom.html", run_dir / "chromium.log"
    with open(dom_file, "wb") as out, open(log, "wb") as err:
        # a session of its own: its group (renderers, GPU and zygote processes) is killed together
        process = subprocess.Popen(
            [*args, url], stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, start_new_session=True
        )
    try:
        _wait_without_reaping(process.pid, timeout, url)
    finally:
        # The browser is not reaped yet, so its pid is still its group's and cannot be reused:
        # this kills what it left behind and nothing else.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
    dom = dom_file.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0 or not dom.strip():
        tail = log.read_text(errors="replace")[-3000:]
        raise AssertionError(f"chromium exited with status {process.returncode} on {url}:\n{tail}")
    return Page(url, dom, screenshot, log)


def _wait_without_reaping(pid: int, timeout: float, url: str) -> None:
    deadline = time.monotonic() + timeout
    while os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is None:
        if time.monotonic() > deadline:
            raise BrowserHung(f"chromium did not finish {url} within {timeout:g} s")
        time.sleep(0.05)
