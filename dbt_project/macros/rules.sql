{#- First matching rule of a rule seed (priority, pattern, ...), as its 1-based index in
    (priority, pattern) order, or null when no rule matches. `text_expr` must already be lower-case.

    The patterns are read from the seed table when the model runs and inlined as constant regexes in one
    CASE chain: DuckDB compiles a constant RE2 pattern once, whereas a join on a pattern *column*
    recompiles it for every row (measured: 200 companies x 383 rules took 427 s as a join, 3 s inlined).
    Only at execution time (nothing is queried while parsing). Pair it with rule_index_cte() to read the
    matched rule's columns. -#}
{% macro first_matching_rule(text_expr, rules_relation) -%}
    {%- set patterns = [] -%}
    {%- if execute -%}
        {%- set existing = load_relation(rules_relation) -%}
        {%- if existing is not none -%}
            {%- set result = run_query(
                "select pattern from " ~ rules_relation
                ~ " where nullif(pattern, '') is not null order by priority, pattern") -%}
            {%- for row in result.rows -%}{%- do patterns.append(row[0]) -%}{%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {%- if patterns | length == 0 -%}
        null::bigint
    {%- else -%}
        case when coalesce({{ text_expr }}, '') = '' then null
        {%- for p in patterns %}
            when regexp_matches({{ text_expr }}, '{{ p | replace("'", "''") }}') then {{ loop.index }}
        {%- endfor %}
        end
    {%- endif -%}
{%- endmacro %}

{#- The rules of a seed numbered like first_matching_rule() numbers them. -#}
{% macro rule_index_cte(rules_relation) -%}
    select row_number() over (order by priority, pattern) as rule_index, *
    from {{ rules_relation }}
    where nullif(pattern, '') is not null
{%- endmacro %}
