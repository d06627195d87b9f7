"""Connection Score: the Dagster code location and the Python code behind it."""
