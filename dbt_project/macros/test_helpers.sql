{#- Generic data tests (no dbt_utils: the project is offline). -#}

{#- A model's column rules in one query and one dbt node: required columns (`not_null`), keys
    (`unique`: a column, or a list of columns unique together), accepted values per column and shared
    ranges (`ranges`: columns whose non-null values lie in [min_value, max_value]).

    One test per model instead of one per column and rule: every dbt test is a node (Jinja compile, a
    thread hand-off, its events, a Dagster asset check), and 157 such nodes were most of a one-user
    refresh's dbt time (docs/benchmarks.md). The test still names what failed: one row per broken rule
    and column, e.g. (`accepted_values`, `band`, 1), and the failure count is the number of offending
    rows (for `unique`, the rows beyond the first of each key). Nulls pass every rule but `not_null`,
    as in dbt's own tests; for a key of several columns a null is a value like any other. -#}
{% test column_rules(model, not_null=[], unique=[], accepted_values={}, ranges=[]) %}
{{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
with rule_counts as (
    select
    {%- for column in not_null %}
        count(*) filter (where {{ column }} is null) as "not_null|{{ column }}",
    {%- endfor %}
    {%- for key in unique %}
        {%- if key is string %}
        count({{ key }}) - count(distinct {{ key }}) as "unique|{{ key }}",
        {%- else %}
        count(*) - count(distinct ({{ key | join(', ') }})) as "unique|{{ key | join(', ') }}",
        {%- endif %}
    {%- endfor %}
    {%- for column, values in accepted_values.items() %}
        count(*) filter (where {{ column }} not in (
            {%- for value in values -%}
            {{ "'" ~ (value | replace("'", "''")) ~ "'" if value is string else value }}{{ ', ' if not loop.last }}
            {%- endfor -%}
        )) as "accepted_values|{{ column }}",
    {%- endfor %}
    {%- for range in ranges %}
        {%- for column in range['columns'] %}
        count(*) filter (
            where {{ column }} < {{ range['min_value'] }} or {{ column }} > {{ range['max_value'] }}
        ) as "between {{ range['min_value'] }} and {{ range['max_value'] }}|{{ column }}",
        {%- endfor %}
    {%- endfor %}
        -- closes the comma-terminated list above; never a failure (failing_rows > 0 below)
        0 as "none|none"
    from {{ model }}
)

select
    split_part(rule_column, '|', 1) as rule,
    split_part(rule_column, '|', 2) as column_name,
    failing_rows
from (unpivot rule_counts on columns(*) into name rule_column value failing_rows)
where failing_rows > 0
{% endtest %}

{#- Exactly one row per combination of `columns` (the seeds' keys). -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Every non-null value of the column lies in [min_value, max_value] (seeds, sources). -#}
{% test between(model, column_name, min_value, max_value) %}
select {{ column_name }} as value
from {{ model }}
where {{ column_name }} < {{ min_value }} or {{ column_name }} > {{ max_value }}
{% endtest %}

{#- Per group, the values of the column sum to `expected` (within tolerance); groups selected by
    an optional `where` in the test config. -#}
{% test sums_to(model, column_name, group_by, expected=1, tolerance=0.000001) %}
select {{ group_by | join(', ') }}, sum({{ column_name }}) as total
from {{ model }}
group by {{ group_by | join(', ') }}
having abs(sum({{ column_name }}) - {{ expected }}) > {{ tolerance }}
{% endtest %}

{#- The column equals the sum of the listed columns (row by row, within tolerance). -#}
{% test equals_sum_of(model, column_name, columns, tolerance=0.000001) %}
select *
from {{ model }}
where abs({{ column_name }} - ({% for c in columns %}coalesce({{ c }}, 0){{ ' + ' if not loop.last }}{% endfor %})) > {{ tolerance }}
{% endtest %}
