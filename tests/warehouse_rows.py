"""Reading a landed warehouse back in tests: query results as dicts, on a read-only
connection closed after each query."""

from __future__ import annotations

from warehouse.connection import connect


def dict_rows(location, sql: str, *params) -> list[dict]:
    con = connect(location, read_only=True)
    try:
        cursor = con.execute(sql, list(params))
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]
    finally:
        con.close()
