-- the effective weights of each score row re-scale the preset openly: they sum to the preset total
-- and are 0 exactly for the components not computed
select s.user_id
from {{ ref('connection_score') }} as s
inner join {{ ref('score_weights') }} as w on w.preset = s.weights_preset
where {{ tested_users_filter('s.user_id') }}
    and (
        abs(s.breadth_weight + s.relevance_weight + s.diversity_weight + s.engagement_weight
            + s.reciprocity_weight + s.recency_weight
            - (w.breadth + w.relevance + w.diversity + w.engagement + w.reciprocity + w.recency)) > 0.001
        or (s.engagement_score is null) <> (s.engagement_weight = 0 and w.engagement > 0)
        or (s.relevance_score is null) <> (s.relevance_weight = 0 and w.relevance > 0)
    )
