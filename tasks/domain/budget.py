"""What one document may cost: seconds and memory across every stage, read to language.

A document that needs more fails with a typed Failure and a message that says what to do, and
the run goes on with the others: one 40 MB text dump or one pathological PDF must not hold a
run (and the writer lock) for hours. The seconds a document spent in earlier stages count
against the same budget; each stage gets what is left."""

from __future__ import annotations

from dataclasses import dataclass

# A document that takes longer than this, summed over its stages, fails instead of stalling the run.
DEFAULT_TIME_BUDGET_S = 300.0
# The memory one document may take on top of what its worker process holds when it starts it. A
# 16 MB text goes through every stage in well under 1 GB; a document that needs more than this is
# more likely a bomb than a consultation.
DEFAULT_MEMORY_BUDGET_MB = 2048

TIME_BUDGET = "time_budget"
MEMORY_BUDGET = "memory_budget"
WORKER_DIED = "worker_died"


@dataclass(frozen=True)
class Budget:
    time_s: float = DEFAULT_TIME_BUDGET_S
    memory_mb: int = DEFAULT_MEMORY_BUDGET_MB

    def __post_init__(self):
        if not self.time_s > 0:
            raise ValueError(f"the time budget must be a positive number of seconds, not {self.time_s!r}")
        if not self.memory_mb > 0:
            raise ValueError(f"the memory budget must be a positive number of MB, not {self.memory_mb!r}")

    def seconds_left(self, spent: float) -> float:
        """What a stage may still spend on a document that already took `spent` seconds."""
        return self.time_s - spent


def over_time(source_path: str, stage: str, budget: Budget) -> str:
    return (
        f"{source_path}: stopped in {stage}: the document took longer than its time budget of "
        f"{budget.time_s:g} s across the stages; split the file into smaller ones or raise the time budget "
        "(--time-budget)"
    )


def over_memory(source_path: str, stage: str, budget: Budget) -> str:
    return (
        f"{source_path}: stopped in {stage}: the document needed more than its memory budget of "
        f"{budget.memory_mb} MB; split the file into smaller ones or raise the memory budget (--memory-budget)"
    )


def worker_died(source_path: str, stage: str, cause: str) -> str:
    return (
        f"{source_path}: the process working on it in {stage} died ({cause}); the other documents went on. "
        "If it fails again, check the machine's free memory, then re-save or split the file"
    )
