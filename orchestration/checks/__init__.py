"""Data-quality checks: Great Expectations suites (JSON under `expectations/`) run as Dagster asset checks.

Nothing in this package imports Great Expectations at module import time: `import great_expectations`
costs about 7 s and 230 MB, so it happens lazily inside the functions that validate or build docs.
"""
