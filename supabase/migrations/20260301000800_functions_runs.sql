-- updates_log rows per run step, and watermarks of the last successful sync.

create or replace function public.wh_run_start(
	p_client_id uuid,
	p_source text,
	p_step text default null,
	p_date_from date default null,
	p_date_to date default null
)
returns table (id bigint, started_at timestamptz)
language sql
as $$
	insert into public.updates_log as u (client_id, source, step, date_from, date_to)
	values (p_client_id, p_source, p_step, p_date_from, p_date_to)
	returning u.id, u.started_at
$$;

create or replace function public.wh_run_finish(
	p_id bigint,
	p_status text,
	p_rows_read bigint default null,
	p_rows_written bigint default null,
	p_error_message text default null
)
returns table (id bigint, status text, started_at timestamptz, finished_at timestamptz)
language plpgsql
as $$
begin
	if p_status not in ('success', 'error', 'skipped') then
		raise exception 'a run finishes as success, error or skipped, not %', p_status using errcode = 'VW004';
	end if;
	return query
	update public.updates_log u
	set status = p_status, finished_at = now(), rows_read = p_rows_read, rows_written = p_rows_written,
		error_message = left(p_error_message, 2000)
	where u.id = p_id
	returning u.id, u.status, u.started_at, u.finished_at;
	if not found then
		raise exception 'run % not found', p_id using errcode = 'VW002';
	end if;
end
$$;

create or replace function public.wh_runs_recent(p_client_id uuid, p_limit integer default 20)
returns table (
	id bigint, source text, step text, date_from text, date_to text, started_at timestamptz,
	finished_at timestamptz, rows_read bigint, rows_written bigint, status text, error_message text
)
language sql stable
as $$
	select id, source, step, to_char(date_from, 'YYYY-MM-DD'), to_char(date_to, 'YYYY-MM-DD'), started_at,
		finished_at, rows_read, rows_written, status, error_message
	from public.updates_log where client_id = p_client_id
	order by started_at desc, id desc limit p_limit
$$;

create or replace function public.wh_watermark_get(p_client_id uuid, p_source text)
returns table (last_success_at timestamptz, watermark text)
language sql stable
as $$
	select last_success_at, watermark from public.sync_watermarks
	where client_id = p_client_id and source = p_source
$$;

create or replace function public.wh_watermark_set(
	p_client_id uuid,
	p_source text,
	p_watermark text,
	p_last_success_at timestamptz default null
)
returns table (last_success_at timestamptz, watermark text)
language sql
as $$
	insert into public.sync_watermarks as w (client_id, source, last_success_at, watermark)
	values (p_client_id, p_source, coalesce(p_last_success_at, now()), p_watermark)
	on conflict (client_id, source) do update set
		last_success_at = excluded.last_success_at, watermark = excluded.watermark, updated_at = now()
	returning w.last_success_at, w.watermark
$$;
