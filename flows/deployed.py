"""What a flow checks when a deployment started it: its parameters come from whoever could reach
the Prefect API, not from the person at the command line."""

from __future__ import annotations

import os

from prefect.context import FlowRunContext

from warehouse.config import allowed_inbox


def from_deployment() -> bool:
    """Whether the current flow run was started from a deployment (a schedule, the UI, the API)."""
    context = FlowRunContext.get()
    return bool(context is not None and context.flow_run is not None and context.flow_run.deployment_id)


def check_inbox(inbox: str | os.PathLike) -> None:
    """In a deployment run, refuse an inbox outside $CONSULTATIONS_INBOX_ROOTS (default: the
    project home) with a one-line InboxNotAllowed; a run from the command line reads any folder
    its user names."""
    if from_deployment():
        allowed_inbox(inbox)
