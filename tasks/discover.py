"""Discover: list the inbox, skip what is unchanged, hash the rest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.discover import Classified, classify, plan
from tasks.domain.models import Failure, KnownSource, SourceFile
from tasks.io.files import list_inbox, sha256_file
from tasks.run_log import log_failures
from warehouse.connection import WarehouseLocation
from warehouse.landing import known_sources, landed_doc_ids


@dataclass(frozen=True)
class Discovery:
    seen: tuple[SourceFile, ...]  # what the run may read, and the paths refused (in `failures`)
    unchanged: tuple[SourceFile, ...]
    classified: Classified
    known: dict[str, KnownSource]
    failures: tuple[Failure, ...] = ()  # paths refused (outside_inbox, bad_file_name) or not hashable now


def read_known(location: WarehouseLocation, inbox: Path) -> tuple[dict[str, KnownSource], frozenset[str]]:
    """The paths the warehouse knows in this inbox (another inbox's files of the same relative
    path are other sources; a row made before inboxes were kept belongs to whichever inbox has
    it), and the doc_ids other inboxes' files hold: a change here never removes their document."""
    rows = known_sources(location).to_pylist()
    elsewhere = frozenset(r["doc_id"] for r in rows if r.get("inbox") not in (None, str(inbox)))
    return {
        r["source_path"]: KnownSource(
            r["source_path"],
            r["doc_id"],
            r["size_bytes"],
            _micros(r["mtime"]),
            r["status"],
            r["first_seen"],
            r.get("inbox"),
        )
        for r in rows
        if r.get("inbox") in (None, str(inbox))
    }, elsewhere


def _micros(ts) -> int:
    return int(ts.timestamp() * 1_000_000) if ts is not None else -1


def discover_files(inbox: Path, location: WarehouseLocation) -> Discovery:
    known, elsewhere = read_known(location, inbox)
    listing, refused = list_inbox(inbox)
    work = plan(listing, known)
    hashed, failures = hash_files(inbox, work.to_read)
    landed = landed_doc_ids(location, [f.doc_id for f in hashed])
    unchanged = tuple(
        SourceFile(f.source_path, f.size_bytes, f.mtime_us, known[f.source_path].doc_id) for f in work.unchanged
    )
    seen = tuple(listing) + tuple(SourceFile(f.source_path, 0, 0) for f in refused)
    return Discovery(seen, unchanged, classify(hashed, known, landed, elsewhere), known, tuple(refused + failures))


def hash_files(inbox: Path, files: tuple[SourceFile, ...]) -> tuple[list[SourceFile], list[Failure]]:
    """Each file with its sha256 as doc_id. One that cannot be read now (removed since the
    listing, unreadable, an I/O error) is left out of this run with a failure, and no sources row:
    the next run lists and hashes it again."""
    hashed, failures = [], []
    for f in files:
        try:
            hashed.append(SourceFile(f.source_path, f.size_bytes, f.mtime_us, sha256_file(inbox / f.source_path)))
        except FileNotFoundError:
            continue  # gone since the listing: nothing to land, nothing to report
        except OSError as error:
            failures.append(
                Failure(
                    f.source_path,
                    "",
                    "discover",
                    "read_error",
                    f"{f.source_path} could not be read ({error}); the next run tries again",
                )
            )
    return hashed, failures


@task(name="discover new and changed files", cache_policy=NO_CACHE)
def discover(inbox: Path, location: WarehouseLocation) -> Discovery:
    found = discover_files(inbox, location)
    c = found.classified
    get_run_logger().info(
        "%d files in %s: %d new, %d changed, %d unchanged (%d only touched); %d to process",
        len(found.seen),
        inbox,
        len(c.new),
        len(c.changed),
        len(found.unchanged) + len(c.touched),
        len(c.touched),
        len(c.to_process),
    )
    log_failures(list(found.failures))
    return found
