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
