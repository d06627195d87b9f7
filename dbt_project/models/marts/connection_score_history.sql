-- one row per user per refresh date (var refresh_date, default today UTC): the score as it was
-- computed that day. A rerun on the same day replaces that day's row of the refreshed users
-- (delete+insert on user_id + score_date); other days are kept. Never rebuilt by --full-refresh.
{{ config(
    unique_key=['user_id', 'score_date'],
    on_schema_change='append_new_columns',
    full_refresh=false
) }}

select
    user_id,
    {{ refresh_date() }} as score_date,
    as_of,
    formula_version,
    weights_preset,
    total_score,
    band,
    breadth_score,
    relevance_score,
    diversity_score,
    engagement_score,
    reciprocity_score,
    recency_score,
    breadth_points,
    relevance_points,
    diversity_points,
    engagement_points,
    reciprocity_points,
    recency_points,
    coverage,
    confidence,
    components_not_computed
from {{ ref('connection_score') }}
where {{ users_filter() }}
