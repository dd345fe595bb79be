"""Reading a flow run's logs back from the Prefect API, as someone in the UI would see them."""

from __future__ import annotations

import time
from uuid import UUID


def run_logs_contain(run_id: str, text: str, attempts: int = 20) -> bool:
    """Whether a log line of the run contains `text`; logs reach the API in batches, shortly
    after the run, so this asks again for a few seconds."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    with get_client(sync_client=True) as client:
        for _ in range(attempts):
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[UUID(run_id)])))
            if any(text in log.message for log in logs):
                return True
            time.sleep(0.5)
    return False
