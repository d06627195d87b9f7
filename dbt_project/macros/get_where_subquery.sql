{#- dbt's generic data tests read the model they test through this macro (dbt's own version applies the
    test's `where` config). In a refresh of some users, a test reads only the rows this run rebuilt, the
    refreshed users': the other users' rows were tested when they were built, and a test's cost then
    grows with the batch instead of with the warehouse (a one-user refresh among 1,000 users spent about 21 s
    in tests over every user's rows, 8 s of it recomputing the `waiting_on_you` view three times).
    Models without a documented `user_id` column (the global parameter tables) and a refresh of every
    user read every row, as before. The singular tests (tests/*.sql) filter the same way with
    tested_users_filter(). -#}
{% macro get_where_subquery(relation) -%}
    {%- set filters = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}
        {%- do filters.append('(' ~ where ~ ')') -%}
    {%- endif -%}
    {%- if not refreshing_everyone() and tested_model_has_user_id() -%}
        {%- do filters.append(users_filter()) -%}
    {%- endif -%}
    {%- if filters -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ filters | join(' and ') }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- True when the model a generic test is attached to documents a `user_id` column. -#}
{% macro tested_model_has_user_id() -%}
    {%- set attached = model.get('attached_node') if model is mapping else none -%}
    {%- if not attached or attached not in graph.nodes -%}
        {{ return(false) }}
    {%- endif -%}
    {{ return('user_id' in graph.nodes[attached].columns) }}
{%- endmacro %}
