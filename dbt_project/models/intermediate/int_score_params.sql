{#- The score parameters (seeds/score_params.csv) pivoted to one row with typed columns, so models
    read `p.half_life_days` instead of hard-coding numbers. Not per user: rebuilt on every run. -#}
{{ config(materialized='table') }}

{%- set numeric_params = [
    'half_life_days', 'n_sat', 'a_ref', 's_ref', 'ts_strong', 'ts_active_min', 'active_window_days',
    'dormant_min_days', 'gap_mult', 't_ir', 't_fa', 't_dm', 't_touch', 'growth_min', 'growth_share',
    'broadcast_weight', 'broadcast_min_recipients', 'coverage_min', 'reciprocity_window_days',
    'conf_dyads', 'w_recency', 'w_intensity', 'w_depth', 'w_recip', 'w_services', 'w_duration',
    'w_context'] %}

with params as (
    select lower(trim(param)) as param, trim(value) as value
    from {{ ref('score_params') }}
)

select
{%- for p in numeric_params %}
    max(case when param = '{{ p }}' then try_cast(value as double) end) as {{ p }},
{%- endfor %}
    max(case when param = 'formula_version' then value end) as formula_version
from params
