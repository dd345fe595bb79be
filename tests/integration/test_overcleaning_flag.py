"""A document whose cleaning deleted more than a small share of its words is flagged: in the
`documents` table, by `consultations explain` and in the run's summary artifact.

On seeds/, 004_d5584d9c1a84edb5.txt (a scraped page with a "Similar documents" list of unrelated
titles) loses about 7% of its words to cleaning; the others lose none for good."""

from __future__ import annotations

import subprocess
import sys
from uuid import UUID

import pytest

from tasks.domain.cleaning.guard import FLAG_SHARE

pytestmark = pytest.mark.integration

SCRAPED = "004_d5584d9c1a84edb5.txt"
PAGED = "003_03313f0c5d3ab870.txt"  # a running header repeated on each page: deleted, not lost


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=120)


def test_documents_carry_the_share_of_words_cleaning_deleted(seeded_con):
    shares = dict(seeded_con.execute("SELECT source_path, removed_word_share FROM documents").fetchall())
    assert len(shares) == 5 and all(share is not None for share in shares.values())
    assert [path for path, share in shares.items() if share > FLAG_SHARE] == [SCRAPED]
    assert shares[PAGED] == 0.0


def test_explain_counts_the_words_each_rule_deleted_and_flags_an_overcleaned_document(seeded_warehouse):
    location = seeded_warehouse[0]
    done = cli("explain", SCRAPED, "-w", str(location.root), "--kind", "transcription_marker")
    assert done.returncode == 0, done.stderr
    out = " ".join(done.stdout.split())
    assert "lost for good" in out and f"more than {FLAG_SHARE:.0%}: check the removals below" in out
    assert "drop_similar_documents_block (boilerplate):" in out
    assert "1 removals" in out  # --kind still filters the removals shown, not the count of words

    paged = cli("explain", PAGED, "-w", str(location.root))
    assert paged.returncode == 0, paged.stderr
    out = " ".join(paged.stdout.split())
    assert "drop_running_headers_and_footers (furniture):" in out and "deleted, 0 lost" in out
    assert "lost for good 0 (0.0%)" in out and "check the removals below" not in out


def test_the_run_summary_lists_the_document_that_lost_words(seeded_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    run_id = seeded_warehouse[1].run_id
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(run_id)])))
    by_type = {a.type: a for a in artifacts}
    summary = by_type["markdown"].data
    section = summary[summary.index("## Documents that lost words to cleaning (1)") : summary.index("## Failures")]
    assert f"| {SCRAPED} |" in section and PAGED not in section
    assert "removed_word_share" in str(by_type["table"].data)
