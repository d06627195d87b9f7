"""The read-only serving snapshot that people query (never the warehouse)."""
