{#- Generic data tests (no dbt_utils: the project is offline). -#}

{#- Exactly one row per combination of `columns` (e.g. one row per user). -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Every non-null value of the column lies in [min_value, max_value]. -#}
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

{#- None of the listed columns is null: one query and one dbt node for all of a model's required columns.
    A per-column not_null test costs a node each (Jinja compile, a thread hand-off, its events, an asset
    check), and 157 such nodes were most of a one-user refresh's dbt time (docs/benchmarks.md). Returns
    one row per column that has nulls, naming it; the failure count is the number of null values. -#}
{% test not_null_columns(model, columns) %}
{{ config(fail_calc='coalesce(sum(null_rows), 0)') }}
with null_counts as (
    select
    {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as "{{ column }}"{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ model }}
)

select column_name, null_rows
from (unpivot null_counts on columns(*) into name column_name value null_rows)
where null_rows > 0
{% endtest %}

{#- Every non-null value of each listed column lies in [min_value, max_value] (the many-column form of
    `between`, for the same reason). One row per column with values outside; the failure count is the
    number of such values. -#}
{% test columns_between(model, columns, min_value, max_value) %}
{{ config(fail_calc='coalesce(sum(rows_outside), 0)') }}
with outside_counts as (
    select
    {%- for column in columns %}
        count(*) filter (
            where {{ column }} < {{ min_value }} or {{ column }} > {{ max_value }}
        ) as "{{ column }}"{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ model }}
)

select column_name, rows_outside
from (unpivot outside_counts on columns(*) into name column_name value rows_outside)
where rows_outside > 0
{% endtest %}
