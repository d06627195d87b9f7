-- one row per refreshed user x connection: the per-connection features of the score model §1.2
-- (messages, services, context), as of the user's export date. Events after as_of are ignored.
with params as (
    select * from {{ ref('int_score_params') }}
),

users as (
    select user_id, as_of from {{ ref('int_user_context') }} where {{ users_filter() }}
),

owner as (
    select * from {{ ref('int_owner_context') }} where {{ users_filter() }}
),

connections as (
    select * from {{ ref('int_connections') }} where {{ users_filter() }}
),

events as (
    select e.*, users.as_of, date_diff('day', e.occurred_on, users.as_of) as age_days
    from {{ ref('int_interactions') }} as e
    inner join users using (user_id)
    where {{ users_filter('e.user_id') }}
        and e.connection_id is not null
        and (e.occurred_on is null or e.occurred_on <= users.as_of)
),

message_features as (
    select
        e.user_id,
        e.connection_id,
        sum(e.weight) filter (where e.direction = 'out') as sent_w,
        sum(e.weight) filter (where e.direction = 'in') as recv_w,
        sum(e.weight * {{ decay('e.age_days', 'params.half_life_days') }}) as dec_w,
        sum(e.weight * e.content_length) / 6.0 as words,
        sum(e.weight) filter (where e.direction = 'out' and e.age_days <= params.reciprocity_window_days) as sent_w_window,
        sum(e.weight) filter (where e.direction = 'in' and e.age_days <= params.reciprocity_window_days) as recv_w_window,
        count(*) as messages,
        count(distinct e.conversation_id) as threads,
        count(distinct e.occurred_on) as active_days,
        max(e.occurred_at) as last_message_at,
        max(e.occurred_at) filter (where e.direction = 'out') as last_sent_at,
        max(e.occurred_at) filter (where e.direction = 'in') as last_received_at
    from events as e
    cross join params
    where e.event_type = 'message'
    group by e.user_id, e.connection_id
),

message_days as (
    select distinct user_id, connection_id, occurred_on
    from events
    where event_type = 'message' and occurred_on is not null
),

gaps as (
    select
        user_id,
        connection_id,
        median(date_diff('day', previous_day, occurred_on))::double as median_gap_days
    from (
        select *, lag(occurred_on) over (partition by user_id, connection_id order by occurred_on) as previous_day
        from message_days
    ) as ordered_days
    where previous_day is not null
    group by user_id, connection_id
),

service_features as (
    select
        user_id,
        connection_id,
        count(*) filter (where event_type = 'endorsement' and direction = 'out') as end_given,
        count(*) filter (where event_type = 'endorsement' and direction = 'in') as end_recv,
        count(*) filter (where event_type = 'recommendation' and direction = 'out') as rec_given,
        count(*) filter (where event_type = 'recommendation' and direction = 'in') as rec_recv,
        max(occurred_at) filter (where event_type = 'endorsement') as last_endorsement_at,
        max(occurred_at) filter (where event_type = 'recommendation') as last_recommendation_at,
        max(occurred_at) filter (where event_type = 'invitation' and has_note) as last_invitation_note_at,
        -- two-way = both directions over messages and services; broadcasts and invitations excluded
        max(occurred_at) filter (where is_two_way_evidence and direction = 'out') as last_out_at,
        max(occurred_at) filter (where is_two_way_evidence and direction = 'in') as last_in_at,
        count(*) filter (where is_two_way_evidence and direction = 'out') as out_events,
        count(*) filter (where is_two_way_evidence and direction = 'in') as in_events,
        count(*) filter (where event_type in ('message', 'endorsement', 'recommendation')
            or (event_type = 'invitation' and has_note)) as dyadic_events
    from (
        select
            *,
            event_type in ('endorsement', 'recommendation') or (event_type = 'message' and not is_broadcast)
                as is_two_way_evidence
        from events
    ) as typed_events
    group by user_id, connection_id
),

industry_relatedness as (
    select root_a, root_b, max(weight) as weight
    from (
        select root_a, root_b, weight from {{ ref('industry_root_relatedness') }}
        union all
        select root_b, root_a, weight from {{ ref('industry_root_relatedness') }}
    ) as pairs
    group by all
),

function_relatedness as (
    select function_a, function_b, max(weight) as weight
    from (
        select lower(function_a) as function_a, lower(function_b) as function_b, weight
        from {{ ref('job_function_relatedness') }}
        union all
        select lower(function_b), lower(function_a), weight from {{ ref('job_function_relatedness') }}
    ) as pairs
    group by all
),

features as (
    select
        c.connection_id,
        c.user_id,
        users.as_of,
        coalesce(m.sent_w, 0) as sent_w,
        coalesce(m.recv_w, 0) as recv_w,
        coalesce(m.dec_w, 0) as dec_w,
        coalesce(m.words, 0) as words,
        coalesce(m.sent_w_window, 0) as sent_w_window,
        coalesce(m.recv_w_window, 0) as recv_w_window,
        coalesce(m.messages, 0) as messages,
        coalesce(m.threads, 0) as threads,
        coalesce(m.active_days, 0) as active_days,
        gaps.median_gap_days,
        m.last_message_at,
        m.last_sent_at,
        m.last_received_at,
        coalesce(s.end_given, 0) as end_given,
        coalesce(s.end_recv, 0) as end_recv,
        coalesce(s.rec_given, 0) as rec_given,
        coalesce(s.rec_recv, 0) as rec_recv,
        s.last_endorsement_at,
        s.last_recommendation_at,
        s.last_invitation_note_at,
        greatest(m.last_message_at, s.last_endorsement_at, s.last_recommendation_at, s.last_invitation_note_at)
            as last_interaction_at,
        greatest(
            m.last_message_at::date, s.last_endorsement_at::date, s.last_recommendation_at::date,
            s.last_invitation_note_at::date, c.connected_on) as last_touch,
        coalesce(s.dyadic_events, 0) > 0 as has_interaction,
        coalesce(s.out_events, 0) > 0 and coalesce(s.in_events, 0) > 0 as is_two_way,
        case when s.last_out_at is not null and s.last_in_at is not null
             then least(s.last_out_at, s.last_in_at)::date end as last_two_way_touch,
        c.connected_on,
        case when c.connected_on is not null
             then greatest(0, date_diff('day', c.connected_on, users.as_of)) / 365.25 end as years_connected,
        c.company_key is not null and list_contains(owner.employer_keys, c.company_key) as shared_employer,
        c.industry_id,
        c.industry_name,
        c.industry_root,
        owner.owner_industry_id,
        owner.owner_industry_root,
        case
            when c.industry_id is null or owner.owner_industry_id is null then null
            when c.industry_id = owner.owner_industry_id then 1.0
            when c.industry_root = owner.owner_industry_root then 0.6
            when coalesce(ir.weight, 0) > 0 then 0.6
            else 0.0
        end as rel_ind,
        c.job_function,
        owner.owner_job_function,
        case
            when c.job_function is null or owner.owner_job_function is null then null
            when lower(c.job_function) = lower(owner.owner_job_function) then 1.0
            when coalesce(fr.weight, 0) > 0 then 0.5
            else 0.0
        end as rel_fn,
        c.seniority_level,
        c.seniority_band,
        c.is_decision_maker as is_dm,
        c.company_key
    from connections as c
    inner join users using (user_id)
    left join owner using (user_id)
    left join message_features as m using (user_id, connection_id)
    left join gaps using (user_id, connection_id)
    left join service_features as s using (user_id, connection_id)
    left join industry_relatedness as ir
        on ir.root_a = c.industry_root and ir.root_b = owner.owner_industry_root
    left join function_relatedness as fr
        on fr.function_a = lower(c.job_function) and fr.function_b = lower(owner.owner_job_function)
)

select * from features
