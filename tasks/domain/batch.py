"""Running a per-document function over a batch, turning each bad document into a Failure."""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

from tasks.domain.models import Failure

In = TypeVar("In")
Out = TypeVar("Out")


def each(items: Iterable[In], fn: Callable[[In], Out], stage: str,
         identify: Callable[[In], tuple[str, str]]) -> tuple[list[Out], list[Failure]]:
    """Apply `fn` to every item; an exception becomes a Failure and the batch goes on."""
    done, failed = [], []
    for item in items:
        try:
            done.append(fn(item))
        except Exception as error:  # a bad document is a value, never a crash of the run
            source_path, doc_id = identify(item)
            error_type = getattr(error, "error_type", type(error).__name__)
            failed.append(Failure(source_path, doc_id, stage, error_type, str(error) or repr(error)))
    return done, failed
