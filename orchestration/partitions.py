"""Users are tenants: one dynamic partition per user folder under data/raw/."""

import dagster as dg

users_partitions = dg.DynamicPartitionsDefinition(name="users")
