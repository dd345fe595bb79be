"""Running a per-document function over a batch, turning each bad document into a Failure
and timing each document, so a run can name its slowest ones."""

from __future__ import annotations

from time import perf_counter
from typing import Callable, Iterable, TypeVar

from tasks.domain.models import Failure

In = TypeVar("In")
Out = TypeVar("Out")


Seconds = dict[str, float]  # per source_path


def each(
    items: Iterable[In], fn: Callable[[In], Out], stage: str, identify: Callable[[In], tuple[str, str]]
) -> tuple[list[Out], list[Failure], Seconds]:
    """Apply `fn` to every item; an exception becomes a Failure and the batch goes on.
    Also returns the seconds each item took."""
    done, failed, seconds = [], [], {}
    for item in items:
        t0 = perf_counter()
        try:
            done.append(fn(item))
        except Exception as error:  # a bad document is a value, never a crash of the run
            source_path, doc_id = identify(item)
            error_type = getattr(error, "error_type", type(error).__name__)
            failed.append(Failure(source_path, doc_id, stage, error_type, str(error) or repr(error)))
        seconds[identify(item)[0]] = perf_counter() - t0
    return done, failed, seconds
