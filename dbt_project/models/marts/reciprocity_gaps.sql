-- services not reciprocated (§1.5 v_reciprocity_gaps), per connection, with the ledger
-- recommendation = 4 points, endorsement = 1: `you_owe` = they endorsed/recommended you and you gave
-- nothing back; `they_owe` = the reverse. Ranked per user: you_owe first, then by points.
{{ config(materialized='view') }}

with ledger as (
    select
        *,
        4 * rec_given + end_given as points_given,
        4 * rec_recv + end_recv as points_received
    from {{ ref('tie_strength') }}
    where (rec_given + end_given > 0) <> (rec_recv + end_recv > 0)
)

select
    user_id,
    row_number() over (
        partition by user_id
        order by (points_received > 0) desc, greatest(points_received, points_given) desc, tie_strength desc, connection_id
    ) as rank,
    connection_id,
    full_name as name,
    company,
    position,
    profile_url as url,
    case when points_received > 0 then 'you_owe' else 'they_owe' end as gap_direction,
    end_given,
    rec_given,
    end_recv,
    rec_recv,
    points_given,
    points_received,
    last_touch,
    tie_strength,
    case
        when points_received > 0
            then concat_ws(' and ',
                case when end_recv > 0 then 'endorsed you ' || end_recv || 'x' end,
                case when rec_recv > 0 then 'recommended you' end) || '; nothing given back'
        else concat_ws(' and ',
                case when end_given > 0 then 'you endorsed them ' || end_given || 'x' end,
                case when rec_given > 0 then 'you recommended them' end) || '; nothing received'
    end as reason
from ledger
