-- one row per user: every measured quantity the six components are computed from (§1.4), so each
-- point of connection_score can be traced back to counts in the user's own data.
with params as (
    select * from {{ ref('int_score_params') }}
),

users as (
    select * from {{ ref('int_user_context') }} where {{ users_filter() }}
),

owner as (
    select user_id, method as owner_identity_method, confidence as owner_identity_confidence
    from {{ ref('int_owner_identity') }}
    where {{ users_filter() }}
),

mix as (
    select * from {{ ref('int_network_mix') }} where {{ users_filter() }}
),

ties as (
    select * from {{ ref('tie_strength') }} where {{ users_filter() }}
),

-- Engagement (A, S), Reciprocity dyads (messages in the window) and touched share (tau)
tie_counts as (
    select
        ties.user_id,
        count(*) filter (where ties.is_two_way_active) as a_two_way_active,
        count(*) filter (where ties.tie_strength >= p.ts_strong) as s_strong,
        count(*) filter (where ties.tier = 'Latent') as n_latent,
        count(*) filter (where ties.has_interaction) as n_with_interaction,
        count(*) filter (where ties.last_interaction_at is not null
                         and date_diff('day', ties.last_interaction_at::date, ties.as_of) <= p.active_window_days)
            as n_touched_12m,
        count(*) filter (where ties.connected_on is not null
                         and date_diff('day', ties.connected_on, ties.as_of) between 0 and p.active_window_days)
            as g_new_12m
    from ties
    cross join params as p
    group by ties.user_id
),

dyads as (
    select
        user_id,
        count(*) filter (where sent_w_window > 0 or recv_w_window > 0) as n_dyads,
        count(*) filter (where sent_w_window > 0 and recv_w_window > 0) as n_two_way_dyads,
        sum(least(sent_w_window, recv_w_window)) as sum_min_volume,
        sum(greatest(sent_w_window, recv_w_window)) as sum_max_volume
    from {{ ref('int_connection_features') }}
    where {{ users_filter() }}
    group by user_id
),

-- services ledger (recommendation = 4 points, endorsement = 1), resolved to a connection or not
services as (
    select
        e.user_id,
        sum(case when e.event_type = 'recommendation' then 4 else 1 end) filter (where e.direction = 'out')
            as services_given_points,
        sum(case when e.event_type = 'recommendation' then 4 else 1 end) filter (where e.direction = 'in')
            as services_received_points
    from {{ ref('int_interactions') }} as e
    inner join users using (user_id)
    where {{ users_filter('e.user_id') }}
        and e.event_type in ('endorsement', 'recommendation')
        and (e.occurred_on is null or e.occurred_on <= users.as_of)
    group by e.user_id
),

-- Recency & consistency: distinct active months among the 12 calendar months ending with as_of
active_months as (
    select a.user_id, count(distinct a.activity_month) as active_months_12
    from {{ ref('int_owner_activity') }} as a
    inner join users using (user_id)
    where {{ users_filter('a.user_id') }}
        and a.activity_month > date_trunc('month', users.as_of) - interval 12 month
        and a.occurred_on <= users.as_of
    group by a.user_id
)

select
    users.user_id,
    users.as_of,
    users.files_present,
    users.has_messages_file,
    owner.owner_identity_method,
    owner.owner_identity_confidence,
    -- Breadth
    coalesce(mix.n_connections, 0) as n_connections,
    -- Relevance and Diversity
    mix.industry_coverage,
    mix.function_coverage,
    mix.seniority_coverage,
    mix.s_ir,
    mix.s_fa,
    mix.s_dm,
    mix.iqv_industry,
    mix.iqv_function,
    mix.iqv_band,
    mix.hhi_company,
    mix.share_own_industry,
    mix.share_related_industry,
    mix.share_outside_industry,
    mix.ei_index,
    -- Engagement
    coalesce(tie_counts.a_two_way_active, 0) as a_two_way_active,
    coalesce(tie_counts.s_strong, 0) as s_strong,
    coalesce(tie_counts.n_latent, 0) as n_latent,
    coalesce(tie_counts.n_with_interaction, 0) as n_with_interaction,
    -- Reciprocity
    coalesce(dyads.n_dyads, 0) as n_dyads,
    coalesce(dyads.n_two_way_dyads, 0) as n_two_way_dyads,
    dyads.n_two_way_dyads / nullif(dyads.n_dyads, 0) as rho,
    dyads.sum_min_volume / nullif(dyads.sum_max_volume, 0) as beta,
    coalesce(services.services_given_points, 0) as services_given_points,
    coalesce(services.services_received_points, 0) as services_received_points,
    case
        when coalesce(services.services_given_points, 0) = 0 and coalesce(services.services_received_points, 0) = 0
            then 0.5
        else least(coalesce(services.services_given_points, 0), coalesce(services.services_received_points, 0))::double
            / greatest(coalesce(services.services_given_points, 0), coalesce(services.services_received_points, 0))
    end as sigma,
    -- Recency & consistency
    coalesce(active_months.active_months_12, 0) as active_months_12,
    coalesce(tie_counts.n_touched_12m, 0) as n_touched_12m,
    tie_counts.n_touched_12m / nullif(mix.n_connections, 0) as tau,
    coalesce(tie_counts.g_new_12m, 0) as g_new_12m
from users
left join owner using (user_id)
left join mix using (user_id)
left join tie_counts using (user_id)
left join dyads using (user_id)
left join services using (user_id)
left join active_months using (user_id)
