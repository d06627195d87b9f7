"""Raw ingestion: LinkedIn export archives (zip or folder) → DuckDB `raw.*` tables.

Pure parsing lives in small modules (dates, encoding, file_kinds, records, archive); `pipeline` reads one
user's export into Arrow tables, `batch` does it for many users (worker processes, batched writes) and
`loader` writes to DuckDB. Nothing here imports Dagster (worker processes start in about 1 s).
"""
