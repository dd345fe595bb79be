"""Run progress as plain data: the lines a log keeps, and listeners that come and go."""

from __future__ import annotations

import io

from rich.console import Console

from flows.progress import DISCOVERED, LANDED, LANDING, PROCESSING, WAITING, Progress, RunProgress, listening
from flows.terminal import plain_line, showing_progress


def test_plain_lines_say_how_far_an_ingest_has_got():
    assert (
        plain_line(Progress("ingest", DISCOVERED, 0, 7000, skipped=12))
        == "ingest: 7000 documents to process, 12 unchanged"
    )
    assert (
        plain_line(Progress("ingest", PROCESSING, 250, 7000, failed=2, seconds=12.34))
        == "ingest: 250/7000 documents processed, 2 failed (12.3 s)"
    )
    assert (
        plain_line(Progress("ingest", LANDING, 7000, 7000, seconds=80)) == "ingest: landing in the warehouse (80.0 s)"
    )
    assert plain_line(Progress("ingest", LANDED, 7000, 7000, seconds=83.25)) == "ingest: landed (83.2 s)"


def test_a_run_that_waits_for_another_says_for_whom():
    assert (
        plain_line(Progress("reprocess", WAITING, 0, 0, waiting_for="ingest run 1f2e (pid 4242)"))
        == "reprocess: waiting for ingest run 1f2e (pid 4242) to finish writing the warehouse"
    )


def test_plain_lines_speak_of_rebuilding_for_a_reprocess():
    assert plain_line(Progress("reprocess", DISCOVERED, 0, 40)) == "reprocess: 40 documents to rebuild"
    assert (
        plain_line(Progress("reprocess", PROCESSING, 40, 40, seconds=3))
        == "reprocess: 40/40 documents rebuilt, 0 failed (3.0 s)"
    )


def test_a_run_with_nothing_to_do_still_says_so_and_lands():
    events = []
    with listening(events.append):
        run = RunProgress("ingest")
        run.found(0, skipped=5)
        run.landing()
        run.landed()
    assert [(e.phase, e.done, e.total, e.skipped) for e in events] == [
        (DISCOVERED, 0, 0, 5),
        (LANDING, 0, 0, 5),
        (LANDED, 0, 0, 5),
    ]


def test_a_listener_hears_only_while_it_listens():
    heard = []
    with listening(heard.append):
        RunProgress("ingest").found(0)
    RunProgress("ingest").found(0)
    assert len(heard) == 1


def test_a_broken_display_never_stops_the_run(caplog):
    def broken(progress):
        raise RuntimeError("terminal went away")

    heard = []
    with listening(broken), listening(heard.append):
        RunProgress("ingest").found(0)
    assert len(heard) == 1 and "progress listener" in caplog.text


def test_without_a_terminal_the_progress_is_plain_lines():
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    with showing_progress(console):
        run = RunProgress("ingest")
        run.found(0, skipped=3)
        run.landing()
        run.landed()
    lines = out.getvalue().splitlines()
    assert lines[0] == "ingest: 0 documents to process, 3 unchanged"
    assert lines[1].startswith("ingest: landing in the warehouse (") and lines[2].startswith("ingest: landed (")
    assert "\x1b[" not in out.getvalue()


def test_in_a_terminal_the_progress_is_a_bar_that_ends_full():
    from flows.terminal import ProgressBar

    out = io.StringIO()
    bar = ProgressBar(Console(file=out, force_terminal=True, width=120))
    bar(Progress("ingest", DISCOVERED, 0, 5))
    bar(Progress("ingest", PROCESSING, 2, 5, failed=1))
    bar(Progress("ingest", PROCESSING, 5, 5, failed=1))
    bar(Progress("ingest", LANDING, 5, 5, failed=1))
    bar(Progress("ingest", LANDED, 5, 5, failed=1))
    screen = out.getvalue()
    assert screen.startswith("ingest: 5 documents to process")
    last_frame = screen.rsplit("\r", 1)[-1]
    assert "ingest: landed" in last_frame and "5/5" in last_frame and "1 failed" in last_frame
    assert "━" in last_frame
