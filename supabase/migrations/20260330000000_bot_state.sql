-- The Telegram staff bot's own state: who may use it (besides TELEGRAM_STAFF_IDS), every attempt
-- by someone else (and every staff command, for the audit), and the wizards in progress — kept
-- here so a restart of the bot resumes them. Plus one read-only view of a client for `/cliente`.

create table public.bot_staff (
	telegram_user_id bigint primary key,
	name text check (length(name) <= 200),
	active boolean not null default true,
	created_at timestamptz not null default now()
);

create table public.bot_access_log (
	id bigint generated always as identity primary key,
	telegram_user_id bigint,
	chat_id bigint,
	username text check (length(username) <= 64),
	-- The command or button only (`/clientes`, `button:clientes:2`), never what else was typed.
	action text not null check (length(action) between 1 and 100),
	allowed boolean not null,
	created_at timestamptz not null default now()
);
create index bot_access_log_refused_idx on public.bot_access_log (created_at desc) where not allowed;

-- One wizard per (chat, user): a staff member may run one in private and one in the staff group.
create table public.bot_conversations (
	chat_id bigint not null,
	user_id bigint not null,
	wizard text not null check (wizard ~ '^[a-z_]{1,32}$'),
	step text not null check (step ~ '^[a-z_]{1,32}$'),
	data jsonb not null default '{}'::jsonb,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (chat_id, user_id)
);

alter table public.bot_staff enable row level security;
alter table public.bot_access_log enable row level security;
alter table public.bot_conversations enable row level security;
create policy service_role_all on public.bot_staff for all to service_role using (true) with check (true);
create policy service_role_all on public.bot_access_log for all to service_role using (true) with check (true);
create policy service_role_all on public.bot_conversations for all to service_role using (true) with check (true);
revoke all on public.bot_staff, public.bot_access_log, public.bot_conversations from public, anon, authenticated, analytics;
grant select, insert, update, delete on public.bot_staff, public.bot_access_log, public.bot_conversations to service_role;
grant usage, select on all sequences in schema public to service_role;

-- Staff ----------------------------------------------------------------------------------------

create or replace function public.wh_bot_staff_allowed(p_user_id bigint)
returns table (allowed boolean)
language sql stable
as $$
	select exists (select 1 from public.bot_staff s where s.telegram_user_id = p_user_id and s.active)
$$;

create or replace function public.wh_bot_staff_upsert(p_user_id bigint, p_name text default null, p_active boolean default true)
returns table (telegram_user_id bigint, name text, active boolean)
language sql
as $$
	insert into public.bot_staff as s (telegram_user_id, name, active)
	values (p_user_id, p_name, coalesce(p_active, true))
	on conflict (telegram_user_id) do update set name = coalesce(excluded.name, s.name), active = excluded.active
	returning s.telegram_user_id, s.name, s.active
$$;

create or replace function public.wh_bot_access_log(
	p_user_id bigint,
	p_chat_id bigint,
	p_username text,
	p_action text,
	p_allowed boolean
)
returns table (id bigint)
language sql
as $$
	insert into public.bot_access_log as l (telegram_user_id, chat_id, username, action, allowed)
	values (p_user_id, p_chat_id, left(p_username, 64), left(coalesce(nullif(btrim(p_action), ''), '?'), 100), p_allowed)
	returning l.id
$$;

-- Wizards --------------------------------------------------------------------------------------

create or replace function public.wh_bot_conversation_get(p_chat_id bigint, p_user_id bigint)
returns table (wizard text, step text, data jsonb, updated_at timestamptz)
language sql stable
as $$
	select c.wizard, c.step, c.data, c.updated_at from public.bot_conversations c
	where c.chat_id = p_chat_id and c.user_id = p_user_id
$$;

-- Saves the wizard's state. With p_expected_step, only when the stored step is still that one (a
-- double press or two updates at once move the wizard once): no row back means someone was first.
create or replace function public.wh_bot_conversation_save(
	p_chat_id bigint,
	p_user_id bigint,
	p_wizard text,
	p_step text,
	p_data jsonb,
	p_expected_step text default null
)
returns table (step text, updated_at timestamptz)
language plpgsql
as $$
#variable_conflict use_column
begin
	if p_expected_step is null then
		return query
		insert into public.bot_conversations as c (chat_id, user_id, wizard, step, data)
		values (p_chat_id, p_user_id, p_wizard, p_step, coalesce(p_data, '{}'::jsonb))
		on conflict (chat_id, user_id) do update set
			wizard = excluded.wizard, step = excluded.step, data = excluded.data, created_at = now(), updated_at = now()
		returning c.step, c.updated_at;
	else
		return query
		update public.bot_conversations c
		set step = p_step, data = coalesce(p_data, '{}'::jsonb), updated_at = now()
		where c.chat_id = p_chat_id and c.user_id = p_user_id and c.wizard = p_wizard and c.step = p_expected_step
		returning c.step, c.updated_at;
	end if;
end
$$;

create or replace function public.wh_bot_conversation_clear(p_chat_id bigint, p_user_id bigint)
returns table (cleared boolean)
language plpgsql
as $$
begin
	delete from public.bot_conversations c where c.chat_id = p_chat_id and c.user_id = p_user_id;
	return query select found;
end
$$;

-- `/cliente` -----------------------------------------------------------------------------------

-- Sensitive keys never leave the function, whatever other tables hold.
create or replace function public.wh_bot_strip_secrets(p_row jsonb)
returns jsonb
language sql immutable
as $$
	select coalesce(jsonb_object_agg(key, value), '{}'::jsonb)
	from jsonb_each(coalesce(p_row, '{}'::jsonb))
	where key !~* '(token|secret|password|key|_enc$)'
$$;

-- The newest run per source (updates_log), the Google Ads link and the WhatsApp instance. The last
-- two tables belong to other features and may not exist yet: read them only when they do.
create or replace function public.wh_bot_client_overview(p_client_id uuid)
returns table (last_runs jsonb, google_ads jsonb, whatsapp jsonb)
language plpgsql stable
as $$
declare
	v_runs jsonb;
	v_gads jsonb;
	v_whatsapp jsonb;
begin
	select coalesce(jsonb_agg(r order by r.source), '[]'::jsonb) into v_runs
	from (
		select distinct on (u.source) u.source, u.step, u.status, u.started_at, u.finished_at, u.rows_written,
			left(u.error_message, 300) as error_message
		from public.updates_log u
		where u.client_id = p_client_id
		order by u.source, u.started_at desc, u.id desc
	) r;
	if to_regclass('public.google_ads_links') is not null then
		begin
			execute 'select public.wh_bot_strip_secrets(to_jsonb(l)) from public.google_ads_links l where l.client_id = $1'
				into v_gads using p_client_id;
		exception when undefined_column or undefined_table then
			v_gads := null;
		end;
	end if;
	if to_regclass('public.whatsapp_instances') is not null then
		begin
			execute 'select public.wh_bot_strip_secrets(to_jsonb(w)) from public.whatsapp_instances w
				where w.client_id = $1 order by to_jsonb(w) ->> ''updated_at'' desc nulls last limit 1'
				into v_whatsapp using p_client_id;
		exception when undefined_column or undefined_table then
			v_whatsapp := null;
		end;
	end if;
	return query select v_runs, v_gads, v_whatsapp;
end
$$;

revoke execute on function public.wh_bot_staff_allowed(bigint) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_staff_upsert(bigint, text, boolean) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_access_log(bigint, bigint, text, text, boolean) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_conversation_get(bigint, bigint) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_conversation_save(bigint, bigint, text, text, jsonb, text)
	from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_conversation_clear(bigint, bigint) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_strip_secrets(jsonb) from public, anon, authenticated, analytics;
revoke execute on function public.wh_bot_client_overview(uuid) from public, anon, authenticated, analytics;
grant execute on function public.wh_bot_staff_allowed(bigint) to service_role;
grant execute on function public.wh_bot_staff_upsert(bigint, text, boolean) to service_role;
grant execute on function public.wh_bot_access_log(bigint, bigint, text, text, boolean) to service_role;
grant execute on function public.wh_bot_conversation_get(bigint, bigint) to service_role;
grant execute on function public.wh_bot_conversation_save(bigint, bigint, text, text, jsonb, text) to service_role;
grant execute on function public.wh_bot_conversation_clear(bigint, bigint) to service_role;
grant execute on function public.wh_bot_strip_secrets(jsonb) to service_role;
grant execute on function public.wh_bot_client_overview(uuid) to service_role;
