{#- The users being refreshed: run_param('users') is a list of user_ids (YAML list, or a comma-separated
    string). Empty means every user that has an export loaded (raw.exports). -#}

{#- A run parameter (users, batch, refresh_date, weights_preset): var(name) when given a value on the
    command line (`dbt build --vars '{users: [alice]}'`), else, while executing, the environment
    variable CONNECTION_SCORE_DBT_<NAME> that the pipeline sets, else the project's default (empty).
    The pipeline passes no --vars: dbt re-parses the whole project whenever --vars change (about 5 s),
    while an environment variable read only at execution time leaves the saved parse valid. -#}
{% macro run_param(name, default) -%}
    {%- set unset = [none, '', []] -%}
    {%- set value = var(name, none) -%}
    {%- if value in unset and execute -%}
        {%- set value = env_var('CONNECTION_SCORE_DBT_' ~ (name | upper), '') -%}
    {%- endif -%}
    {{ return(default if value in unset else value) }}
{%- endmacro %}

{% macro sql_string(value) -%}
    '{{ (value | string) | replace("'", "''") }}'
{%- endmacro %}

{% macro users_list() -%}
    {%- set raw = run_param('users', []) -%}
    {%- if raw is none -%}
        {%- set raw = [] -%}
    {%- elif raw is string -%}
        {%- set raw = raw.strip().lstrip('[').rstrip(']').split(',') -%}
    {%- elif raw is not iterable or raw is mapping -%}
        {%- set raw = [raw] -%}
    {%- endif -%}
    {%- set users = [] -%}
    {%- for u in raw -%}
        {%- set u = (u | string).strip().strip('"').strip("'") -%}
        {%- if u and u not in users -%}{%- do users.append(u) -%}{%- endif -%}
    {%- endfor -%}
    {{ return(users | sort) }}
{%- endmacro %}

{#- run_param('batch'): the id of a batch the pipeline wrote to ops.dbt_batch (batch_id, user_id) before
    invoking dbt. Used instead of a literal list for pipeline runs: 10,000 user ids would not fit in one
    command-line argument, nor belong in every compiled model. -#}
{% macro batch_id() -%}
    {%- set value = run_param('batch', '') -%}
    {{ return('' if value is none else (value | string | trim)) }}
{%- endmacro %}

{#- True when this invocation refreshes every loaded user (no batch, no users list). -#}
{% macro refreshing_everyone() -%}
    {{ return(batch_id() == '' and users_list() | length == 0) }}
{%- endmacro %}

{#- The refreshed users, for the where clause of every non-view model. Renders a sub-query on the
    pipeline's batch table when the batch is set, `user_id = '...'` for one user and `list_contains([...],
    user_id)` for a literal list of users, else a sub-query on raw.exports (every user). -#}
{% macro users_filter(column='user_id') -%}
    {%- set users = users_list() -%}
    {%- if batch_id() != '' -%}
        {{ column }} in (select user_id from ops.dbt_batch where batch_id = {{ sql_string(batch_id()) }})
    {%- elif users | length == 0 -%}
        {{ column }} in (select user_id from raw.exports)
    {%- elif users | length == 1 -%}
        {{ column }} = {{ sql_string(users[0]) }}
    {%- else -%}
        {#- not `in (...)`: inside a model whose CTE is read several times DuckDB turns an IN list of
            more than a few values into a join after the table scan, which then reads every user's rows
            (int_owner_identity read all 894k messages for 10 users: 1.3 s, 0.4 s with list_contains) -#}
        list_contains([{% for u in users %}{{ sql_string(u) }}{{ ", " if not loop.last }}{% endfor %}], {{ column }})
    {%- endif -%}
{%- endmacro %}

{#- The rows a data test reads: the refreshed users' (users_filter) in a refresh of some users, every row
    (`true`) in a refresh of everyone. Generic tests get it through get_where_subquery; singular tests
    call it. -#}
{% macro tested_users_filter(column='user_id') -%}
    {{ 'true' if refreshing_everyone() else users_filter(column) }}
{%- endmacro %}

{#- refresh_date: run_param('refresh_date') (YYYY-MM-DD) or the UTC date the invocation started. -#}
{% macro refresh_date() -%}
    {%- set value = run_param('refresh_date', '') -%}
    {%- if value is none or (value | string | trim) == '' -%}
        {%- set value = run_started_at.strftime('%Y-%m-%d') -%}
    {%- endif -%}
    {%- set value = value | string | trim -%}
    {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', value) -%}
        {{ exceptions.raise_compiler_error("var refresh_date must be YYYY-MM-DD, got '" ~ value ~ "'") }}
    {%- endif -%}
    date '{{ value }}'
{%- endmacro %}

{#- weights_preset: a preset name of seeds/score_weights.csv. -#}
{% macro weights_preset() -%}
    {%- set value = run_param('weights_preset', 'default') -%}
    {%- if value is none or (value | string | trim) == '' -%}{%- set value = 'default' -%}{%- endif -%}
    {{ return(value | string | trim) }}
{%- endmacro %}
