"""Raw ingestion: LinkedIn export archives (zip or folder) → DuckDB `raw.*` tables, one user at a time.

Pure parsing lives in small modules (dates, encoding, file_kinds, records, archive); `pipeline` ties them
together and `loader` writes to DuckDB. Nothing here imports Dagster.
"""
