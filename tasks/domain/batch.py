"""Running a per-document function over a batch, turning each bad document into a Failure
and timing each document, so a run can name its slowest ones."""

from __future__ import annotations

from time import perf_counter
from typing import Callable, Iterable, Mapping, TypeVar

from tasks.domain.budget import MEMORY_BUDGET, TIME_BUDGET, Budget, over_time
from tasks.domain.models import Failure

In = TypeVar("In")
Out = TypeVar("Out")


Seconds = dict[str, float]  # per source_path


def attempt(item: In, fn: Callable[[In], Out]) -> tuple[bool, object, float]:
    """`fn(item)`: (True, its result, seconds) or, when it raises, (False, (error_type, message),
    seconds). One document's outcome, the same in this process or in a worker process."""
    t0 = perf_counter()
    try:
        return True, fn(item), perf_counter() - t0
    except Exception as error:  # a bad document is a value, never a crash of the run
        # out of memory is the same failure wherever it happens: in a worker under its budget,
        # in this process, on a Dask worker
        error_type = MEMORY_BUDGET if _out_of_memory(error) else getattr(error, "error_type", type(error).__name__)
        return False, (error_type, str(error) or repr(error)), perf_counter() - t0


def _out_of_memory(error: BaseException | None) -> bool:
    """A MemoryError, or an error a library raised while handling one (langdetect turns it into
    its own exception): what the document needed was memory."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, MemoryError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def each(
    items: Iterable[In],
    fn: Callable[[In], Out],
    stage: str,
    identify: Callable[[In], tuple[str, str]],
    budget: Budget | None = None,
    spent: Mapping[str, float] | None = None,
) -> tuple[list[Out], list[Failure], Seconds]:
    """Apply `fn` to every item; an exception becomes a Failure and the batch goes on.
    Also returns the seconds each item took. With a budget, a document whose seconds in this
    stage and in the earlier ones (`spent`) add up to more than it fails `time_budget`: here,
    in this process, nothing can stop it on the way, so it is judged when it is done."""
    done, failed, seconds = [], [], {}
    for item in items:
        ok, value, took = attempt(item, fn)
        source_path, doc_id = identify(item)
        seconds[source_path] = took
        if ok and budget is not None and (spent or {}).get(source_path, 0.0) + took > budget.time_s:
            ok, value = False, (TIME_BUDGET, over_time(source_path, stage, budget))
        if ok:
            done.append(value)
        else:
            failed.append(Failure(source_path, doc_id, stage, *value))
    return done, failed, seconds
