"""Discover: list the inbox, skip what is unchanged, hash the rest."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from tasks.domain.discover import Classified, classify, plan
from tasks.domain.models import KnownSource, SourceFile
from tasks.io.files import list_inbox, sha256_file
from warehouse.connection import WarehouseLocation
from warehouse.landing import known_sources, landed_doc_ids


@dataclass(frozen=True)
class Discovery:
    seen: tuple[SourceFile, ...]
    unchanged: tuple[SourceFile, ...]
    classified: Classified
    known: dict[str, KnownSource]


def read_known(location: WarehouseLocation) -> dict[str, KnownSource]:
    rows = known_sources(location).to_pylist()
    return {r["source_path"]: KnownSource(r["source_path"], r["doc_id"], r["size_bytes"],
                                          _micros(r["mtime"]), r["status"], r["first_seen"]) for r in rows}


def _micros(ts) -> int:
    return int(ts.timestamp() * 1_000_000) if ts is not None else -1


def discover_files(inbox: Path, location: WarehouseLocation) -> Discovery:
    known = read_known(location)
    listing = list_inbox(inbox)
    work = plan(listing, known)
    hashed = [SourceFile(f.source_path, f.size_bytes, f.mtime_us, sha256_file(inbox / f.source_path))
              for f in work.to_read]
    landed = landed_doc_ids(location, [f.doc_id for f in hashed])
    unchanged = tuple(SourceFile(f.source_path, f.size_bytes, f.mtime_us, known[f.source_path].doc_id)
                      for f in work.unchanged)
    return Discovery(tuple(listing), unchanged, classify(hashed, known, landed), known)


@task(name="discover new and changed files", cache_policy=NO_CACHE)
def discover(inbox: Path, location: WarehouseLocation) -> Discovery:
    found = discover_files(inbox, location)
    c = found.classified
    get_run_logger().info(
        "%d files in %s: %d new, %d changed, %d unchanged (%d only touched); %d to process",
        len(found.seen), inbox, len(c.new), len(c.changed), len(found.unchanged) + len(c.touched),
        len(c.touched), len(c.to_process))
    return found
