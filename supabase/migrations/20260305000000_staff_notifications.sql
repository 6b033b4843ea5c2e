-- The staff notification hook: workflows (onboarding finished, nightly summary, re-authorization
-- needed, Google Ads link transitions…) write messages to this outbox; the Telegram bot delivers
-- them to the staff chat and marks them delivered. An outbox survives a bot restart and keeps the
-- history of what staff were told.

create table public.staff_notifications (
	id bigint generated always as identity primary key,
	event text not null check (event ~ '^[a-z0-9_.:-]{1,64}$'),
	client_id uuid references public.clients (id) on delete set null,
	-- What staff read (pt-BR), never a token.
	message text not null check (length(message) between 1 and 4000),
	payload jsonb not null default '{}'::jsonb,
	created_at timestamptz not null default now(),
	delivered_at timestamptz,
	attempts integer not null default 0,
	last_error text
);
create index staff_notifications_pending_idx on public.staff_notifications (id) where delivered_at is null;

alter table public.staff_notifications enable row level security;
create policy service_role_all on public.staff_notifications for all to service_role using (true) with check (true);
revoke all on public.staff_notifications from public, anon, authenticated, analytics;
grant select, insert, update, delete on public.staff_notifications to service_role;

create or replace function public.wh_notify_staff(
	p_event text,
	p_message text,
	p_client_id uuid default null,
	p_payload jsonb default '{}'::jsonb
)
returns table (id bigint, created_at timestamptz)
language sql
as $$
	insert into public.staff_notifications as n (event, message, client_id, payload)
	values (p_event, p_message, p_client_id, coalesce(p_payload, '{}'::jsonb))
	returning n.id, n.created_at
$$;

-- Oldest first. One bot process delivers them.
create or replace function public.wh_staff_notifications_pending(p_limit integer default 20)
returns table (id bigint, event text, client_id uuid, message text, payload jsonb, created_at timestamptz, attempts integer)
language sql
as $$
	select n.id, n.event, n.client_id, n.message, n.payload, n.created_at, n.attempts
	from public.staff_notifications n
	where n.delivered_at is null
	order by n.id
	limit greatest(1, least(p_limit, 100))
$$;

create or replace function public.wh_staff_notification_result(p_id bigint, p_delivered boolean, p_error text default null)
returns table (id bigint, delivered_at timestamptz, attempts integer)
language sql
as $$
	update public.staff_notifications n
	set delivered_at = case when p_delivered then now() else null end,
		attempts = n.attempts + 1,
		last_error = case when p_delivered then null else left(p_error, 500) end
	where n.id = p_id
	returning n.id, n.delivered_at, n.attempts
$$;

revoke execute on function public.wh_notify_staff(text, text, uuid, jsonb) from public, anon, authenticated, analytics;
revoke execute on function public.wh_staff_notifications_pending(integer) from public, anon, authenticated, analytics;
revoke execute on function public.wh_staff_notification_result(bigint, boolean, text) from public, anon, authenticated, analytics;
grant execute on function public.wh_notify_staff(text, text, uuid, jsonb) to service_role;
grant execute on function public.wh_staff_notifications_pending(integer) to service_role;
grant execute on function public.wh_staff_notification_result(bigint, boolean, text) to service_role;
