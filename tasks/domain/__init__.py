"""Pure domain: plain data in, plain data out. No Prefect, DuckDB, pyarrow or file I/O."""
