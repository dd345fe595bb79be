"""How a run ends in Prefect: plainly Completed when every file went through; otherwise a
Completed state named "Completed with failures" (the UI shows the name on the run) and an event,
`consultations.run.failures`, that an automation can notify on.

The state stays of type COMPLETED: the run did its work and landed what it could, the result
(IngestResult, ReprocessResult) is still returned to a caller that runs the flow directly, and
the deployment's concurrency and retry logic treat it as finished. An automation reacting to
the event (trigger: `consultations.run.failures`, resource `prefect.flow-run.*`) can send a
mail, a Slack message, or start anything else."""

from __future__ import annotations

import logging
from typing import TypeVar

from prefect.context import FlowRunContext
from prefect.events import emit_event
from prefect.states import Completed, State

from tasks.domain.models import Failure

R = TypeVar("R")
STATE_NAME = "Completed with failures"
EVENT = "consultations.run.failures"
# The event lists this many failing files; the counts are always whole.
MAX_EVENT_FILES = 20

log = logging.getLogger(__name__)


def failures_message(flow_name: str, failures: list[Failure], n_still_failing: int | None = None) -> str:
    """One line for the state's message: how many files failed, in which stages, the first few."""
    stages = sorted({f.stage for f in failures})
    paths = sorted({f.source_path for f in failures})
    first = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
    message = f"{flow_name}: {len(paths)} file{'s' if len(paths) != 1 else ''} failed (at {', '.join(stages)}): {first}"
    if n_still_failing is not None:
        message += f"; {n_still_failing} failing in the warehouse in all"
    return message


def run_outcome(result: R, flow_name: str, failures: list[Failure], n_still_failing: int | None = None) -> R | State:
    """What the flow returns: `result` itself when nothing failed; else a COMPLETED state named
    "Completed with failures" carrying `result` (a direct call of the flow still gets `result`
    back), after emitting the failures event for the flow run."""
    if not failures:
        return result
    message = failures_message(flow_name, failures, n_still_failing)
    emit_failures_event(flow_name, failures, n_still_failing, message)
    return Completed(data=result, name=STATE_NAME, message=message)


def emit_failures_event(flow_name: str, failures: list[Failure], n_still_failing: int | None, message: str) -> None:
    """`consultations.run.failures` about the current flow run, with the counts in its payload.
    Never fails the run: an event that cannot be sent is logged."""
    context = FlowRunContext.get()
    run = context.flow_run if context is not None else None
    if run is None:
        return
    paths = sorted({f.source_path for f in failures})
    related = [{"prefect.resource.id": f"prefect.flow.{run.flow_id}", "prefect.resource.role": "flow"}]
    if run.deployment_id:
        related.append(
            {"prefect.resource.id": f"prefect.deployment.{run.deployment_id}", "prefect.resource.role": "deployment"}
        )
    try:
        emit_event(
            EVENT,
            resource={"prefect.resource.id": f"prefect.flow-run.{run.id}", "prefect.resource.name": run.name},
            related=related,
            payload={
                "flow": flow_name,
                "n_failed": len(paths),
                "n_still_failing": n_still_failing,
                "stages": sorted({f.stage for f in failures}),
                "error_types": sorted({f.error_type for f in failures}),
                "files": paths[:MAX_EVENT_FILES],
                "message": message,
            },
        )
    except Exception as error:  # an unreachable event stream must not turn a landed run into a crash
        log.warning("could not emit %s: %s", EVENT, error)
