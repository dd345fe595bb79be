"""Reading a landed warehouse back in tests: query results as dicts, on a read-only
connection closed after each query."""

from __future__ import annotations

from warehouse.connection import connect


def rows(where, sql: str, *params) -> list[tuple]:
    """The rows of a query on the warehouse at `where` (a location, or a folder)."""
    from warehouse.connection import WarehouseLocation, resolve_location

    location = where if isinstance(where, WarehouseLocation) else resolve_location(where)
    con = connect(location, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def dict_rows(location, sql: str, *params) -> list[dict]:
    con = connect(location, read_only=True)
    try:
        cursor = con.execute(sql, list(params))
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]
    finally:
        con.close()
