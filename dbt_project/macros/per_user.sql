{#- Pre-hook of every incremental model (set folder-wide in dbt_project.yml).

    dbt-duckdb's delete+insert only deletes keys present in the new rows, so a refreshed user who now
    produces zero rows (e.g. an export without messages) would keep stale rows. This hook deletes
    every row of the refreshed users first; with vars users and batch empty (= refresh everyone) it deletes every
    row, so users no longer in raw.exports disappear too. Models whose unique_key also contains
    `score_date` (connection_score_history) only lose the rows of this refresh date. On the first run
    (no table yet) and on --full-refresh it renders nothing. -#}
{% macro delete_refreshed_users() -%}
    {%- if execute and config.get('materialized') == 'incremental' and not should_full_refresh() -%}
        {%- set existing = load_relation(this) -%}
        {%- if existing is not none -%}
            {%- set key = config.get('unique_key') -%}
            {%- set key = [key] if key is string else (key or []) -%}
            delete from {{ this }} where {{ 'true' if refreshing_everyone() else users_filter() }}
            {%- if 'score_date' in key %} and score_date = {{ refresh_date() }}{% endif -%}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}
