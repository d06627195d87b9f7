-- a resolved counterpart is always a connection of the same user
select e.event_id
from {{ ref('int_interactions') }} as e
inner join {{ ref('int_connections') }} as c using (connection_id)
where c.user_id <> e.user_id and {{ tested_users_filter('e.user_id') }}
