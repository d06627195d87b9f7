-- one row per user: the Connection Score. Six components (0-100, score model §1.4) weighted by a
-- preset of seeds/score_weights.csv; components that cannot be computed (no messages file,
-- industry/function coverage below coverage_min) are reported as not computed and their weight is
-- redistributed pro rata over the computed ones. points = score x effective weight / 100, rounded to
-- 2 decimals; total_score = points_sum = the plain sum of the points.
{%- set components = ['breadth', 'relevance', 'diversity', 'engagement', 'reciprocity', 'recency'] %}

with params as (
    select * from {{ ref('int_score_params') }}
),

weights as (
    select *, count(*) over () as n_presets
    from {{ ref('score_weights') }}
    where preset = {{ sql_string(weights_preset()) }}
),

inputs as (
    select * from {{ ref('connection_score_inputs') }} where {{ users_filter() }}
),

measured as (
    select
        i.*,
        p.formula_version,
        p.coverage_min,
        least(coalesce(i.industry_coverage, 0), coalesce(i.function_coverage, 0)) as coverage_value,
        {{ target_share('i.s_ir', 'p.t_ir') }} as relevance_industry_term,
        {{ target_share('i.s_fa', 'p.t_fa') }} as relevance_function_term,
        {{ target_share('i.s_dm', 'p.t_dm') }} as relevance_dm_term,
        100 * {{ log_saturation('i.n_connections', 'p.n_sat') }} as breadth_value,
        100 * (
            0.35 * coalesce(i.iqv_industry, 0)
            + 0.25 * coalesce(i.iqv_function, 0)
            + 0.15 * coalesce(i.iqv_band, 0)
            + 0.25 * coalesce(1 - i.hhi_company, 0)
        ) as diversity_value,
        100 * (
            0.6 * {{ log_saturation('i.a_two_way_active', 'p.a_ref') }}
            + 0.4 * {{ log_saturation('i.s_strong', 'p.s_ref') }}
        ) as engagement_value,
        100 * least(1.0, i.n_dyads / p.conf_dyads)
            * (0.5 * coalesce(i.rho, 0) + 0.3 * coalesce(i.beta, 0) + 0.2 * i.sigma) as reciprocity_value,
        100 * (
            0.4 * least(1.0, i.active_months_12 / 12.0)
            + 0.3 * {{ target_share('coalesce(i.tau, 0)', 'p.t_touch') }}
            + 0.3 * least(1.0, i.g_new_12m / greatest(p.growth_min, p.growth_share * i.n_connections))
        ) as recency_value
    from inputs as i
    cross join params as p
),

computed as (
    select
        *,
        -- Relevance: target-band terms, weights 0.5 / 0.25 / 0.25; a term whose reference is unknown
        -- (owner industry or function not found) is left out and the others re-normalised
        100 * (
            0.5 * coalesce(relevance_industry_term, 0) + 0.25 * coalesce(relevance_function_term, 0)
            + 0.25 * coalesce(relevance_dm_term, 0)
        ) / nullif(
            0.5 * (relevance_industry_term is not null)::int + 0.25 * (relevance_function_term is not null)::int
            + 0.25 * (relevance_dm_term is not null)::int, 0) as relevance_value,
        case
            when not files_present_list_has_connections then 'no Connections.csv in the export'
        end as breadth_reason,
        case
            when coverage_value < coverage_min
                then 'insufficient data: industry coverage ' || round(100 * coalesce(industry_coverage, 0))::int
                     || '%, function coverage ' || round(100 * coalesce(function_coverage, 0))::int
                     || '% (< ' || round(100 * coverage_min)::int || '%)'
            when relevance_industry_term is null and relevance_function_term is null and relevance_dm_term is null
                then 'insufficient data: owner industry and function unknown and no seniority classified'
        end as relevance_reason,
        case
            when coverage_value < coverage_min
                then 'insufficient data: industry coverage ' || round(100 * coalesce(industry_coverage, 0))::int
                     || '%, function coverage ' || round(100 * coalesce(function_coverage, 0))::int
                     || '% (< ' || round(100 * coverage_min)::int || '%)'
        end as diversity_reason,
        case when not has_messages_file then 'not computed: no messages file in the export' end as engagement_reason,
        case when not has_messages_file then 'not computed: no messages file in the export' end as reciprocity_reason,
        null::varchar as recency_reason
    from (
        select *, list_contains(string_split(files_present, ','), 'connections') as files_present_list_has_connections
        from measured
    ) as measured_with_files
),

scored as (
    select
        c.*,
{%- for comp in components %}
        case when c.{{ comp }}_reason is null
             then round(least(100, greatest(0, c.{{ comp }}_value)), 2)::decimal(5, 2) end as {{ comp }}_score,
        case when c.{{ comp }}_reason is null then w.{{ comp }} else 0 end as {{ comp }}_base_weight,
{%- endfor %}
        w.breadth + w.relevance + w.diversity + w.engagement + w.reciprocity + w.recency as total_weight,
        case when w.n_presets = 1 then w.preset
             else error('weights_preset ' || {{ sql_string(weights_preset()) }} || ' is not (exactly once) in score_weights')
        end as weights_preset
    from computed as c
    left join weights as w on true
),

weighted as (
    select
        *,
{%- for comp in components %}
        {{ comp }}_base_weight * total_weight
            / nullif({% for c2 in components %}{{ c2 }}_base_weight{{ ' + ' if not loop.last }}{% endfor %}, 0)
            as {{ comp }}_weight{{ ',' if not loop.last }}
{%- endfor %}
    from scored
),

pointed as (
    select
        *,
{%- for comp in components %}
        coalesce(round({{ comp }}_score * {{ comp }}_weight / 100, 2), 0)::decimal(5, 2) as {{ comp }}_points{{ ',' if not loop.last }}
{%- endfor %}
    from weighted
)

select
    user_id,
    as_of,
    formula_version,
    weights_preset,
    {% for comp in components %}{{ comp }}_points{{ ' + ' if not loop.last }}{% endfor %} as total_score,
    case
        when {% for comp in components %}{{ comp }}_points{{ ' + ' if not loop.last }}{% endfor %} >= 80 then 'Exceptional'
        when {% for comp in components %}{{ comp }}_points{{ ' + ' if not loop.last }}{% endfor %} >= 60 then 'Strong'
        when {% for comp in components %}{{ comp }}_points{{ ' + ' if not loop.last }}{% endfor %} >= 40 then 'Developing'
        else 'Emerging'
    end as band,
{%- for comp in components %}
    {{ comp }}_score,
{%- endfor %}
{%- for comp in components %}
    {{ comp }}_points,
{%- endfor %}
    {% for comp in components %}{{ comp }}_points{{ ' + ' if not loop.last }}{% endfor %} as points_sum,
{%- for comp in components %}
    round({{ comp }}_weight, 4) as {{ comp }}_weight,
{%- endfor %}
    round(coverage_value, 4) as coverage,
    case
        when not has_messages_file or coverage_value < coverage_min or n_connections = 0 then 'low'
        when coalesce(owner_identity_confidence, 'none') in ('low', 'none')
            or coverage_value < 2 * coverage_min
            or relevance_reason is not null then 'medium'
        else 'high'
    end as confidence,
    concat_ws(',', {% for comp in components %}case when {{ comp }}_reason is not null then '{{ comp }}' end{{ ', ' if not loop.last }}{% endfor %})
        as components_not_computed,
    concat_ws('; ', {% for comp in components %}'{{ comp }}: ' || {{ comp }}_reason{{ ', ' if not loop.last }}{% endfor %})
        as not_computed_reasons,
    files_present,
    has_messages_file,
    n_connections,
    owner_identity_method,
    owner_identity_confidence
from pointed
