-- one row per connection: tie strength TS in [0,1] from the score model §1.3, its seven dimensions,
-- the tier, the Dunbar layer by TS rank and the latent (historic) strength L.
with params as (
    select * from {{ ref('int_score_params') }}
),

features as (
    select * from {{ ref('int_connection_features') }} where {{ users_filter() }}
),

connections as (
    select connection_id, full_name, company, position, profile_url, is_anonymous
    from {{ ref('int_connections') }}
    where {{ users_filter() }}
),

dimensions as (
    select
        f.*,
        date_diff('day', f.last_touch, f.as_of) as days_since_last_touch,
        case
            when f.has_interaction then {{ decay("date_diff('day', f.last_touch, f.as_of)", 'p.half_life_days') }}
            when f.connected_on is not null
                then 0.5 * {{ decay("date_diff('day', f.connected_on, f.as_of)", 'p.half_life_days') }}
            else 0.0
        end as recency,
        1 - exp(-f.dec_w / 5.0) as intensity,
        1 - exp(-f.words / 300.0) as depth,
        case when f.sent_w > 0 and f.recv_w > 0
             then least(f.sent_w, f.recv_w) / greatest(f.sent_w, f.recv_w) else 0.0 end as recip,
        least(1.0, 0.25 * (f.end_given + f.end_recv) + 0.6 * (f.rec_given + f.rec_recv)) as services,
        case when f.is_two_way
             then least(1.0, ln(1 + coalesce(f.years_connected, 0)) / ln(11)) else 0.0 end as duration,
        case when f.shared_employer then 1.0 else 0.0 end as context,
        -- latent (historic) strength: no recency term
        0.4 * (1 - exp(-(f.sent_w + f.recv_w) / 5.0))
            + 0.4 * (1 - exp(-f.words / 300.0))
            + 0.2 * case when f.sent_w > 0 and f.recv_w > 0
                         then least(f.sent_w, f.recv_w) / greatest(f.sent_w, f.recv_w) else 0.0 end
            as latent_strength,
        f.last_two_way_touch is not null
            and date_diff('day', f.last_two_way_touch, f.as_of) <= p.active_window_days as is_two_way_active,
        p.ts_strong,
        p.w_recency, p.w_intensity, p.w_depth, p.w_recip, p.w_services, p.w_duration, p.w_context
    from features as f
    cross join params as p
),

scored as (
    select
        *,
        w_recency * recency + w_intensity * intensity + w_depth * depth + w_recip * recip
            + w_services * services + w_duration * duration + w_context * context as ts_raw
    from dimensions
),

ranked as (
    select
        *,
        case when has_interaction
             then row_number() over (
                partition by user_id, has_interaction order by ts_raw desc, connection_id) end as ts_rank
    from scored
)

select
    r.connection_id,
    r.user_id,
    r.as_of,
    c.full_name,
    c.company,
    c.position,
    c.profile_url,
    c.is_anonymous,
    round(r.recency, 4) as recency,
    round(r.intensity, 4) as intensity,
    round(r.depth, 4) as depth,
    round(r.recip, 4) as recip,
    round(r.services, 4) as services,
    round(r.duration, 4) as duration,
    round(r.context, 4) as context,
    round(r.ts_raw, 4) as tie_strength,
    case
        when r.ts_raw >= r.ts_strong then 'Strong'
        when r.is_two_way_active then 'Active'
        when r.has_interaction then 'Latent'
        else 'Unengaged'
    end as tier,
    case
        when r.ts_rank <= 5 then '5'
        when r.ts_rank <= 15 then '15'
        when r.ts_rank <= 50 then '50'
        when r.ts_rank <= 150 then '150'
        else 'beyond'
    end as dunbar_layer,
    r.ts_rank,
    round(r.latent_strength, 4) as latent_strength,
    r.has_interaction,
    r.is_two_way,
    r.is_two_way_active,
    r.connected_on,
    r.last_touch,
    r.last_interaction_at,
    r.last_two_way_touch,
    r.days_since_last_touch,
    r.sent_w,
    r.recv_w,
    r.dec_w,
    r.words,
    r.threads,
    r.active_days,
    r.median_gap_days,
    r.end_given,
    r.end_recv,
    r.rec_given,
    r.rec_recv,
    r.years_connected,
    r.shared_employer,
    r.industry_root,
    r.rel_ind,
    r.job_function,
    r.rel_fn,
    r.seniority_band,
    r.is_dm
from ranked as r
left join connections as c using (connection_id)
