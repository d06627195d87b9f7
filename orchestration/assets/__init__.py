"""Software-defined assets: raw ingestion (raw.py) and the dbt models (dbt.py)."""
