-- Faster order loads and refreshes on the pg transport (see docs/warehouse.md, benchmark).
--
-- Loads: the pg transport streams a batch with COPY into a temporary table `wh_copy_orders`
-- (and, when some order already exists, `wh_copy_lines`) and calls one of the two functions
-- below in the same transaction. They do exactly what wh_ml_upsert_orders does with its jsonb
-- arguments (same statements, same results, same stale days); the caller guarantees that the
-- batch has no duplicate order ids nor duplicate (order id, line no) pairs (otherwise it uses the
-- jsonb function, whose `distinct on` picks the survivor). The Supabase transport keeps calling
-- wh_ml_upsert_orders.
--
-- Refresh: the orders of the range are read once into a temporary table with their São Paulo
-- day (one time-zone conversion per order instead of one per line) and analysed, so that the
-- planner sees their real number right after a bulk load (staging tables are not analysed yet
-- then, and nested loops over a million lines were most of the refresh time). Refreshes take one
-- lock per (client, month) of their range instead of one per client, so disjoint month ranges
-- of one client can be refreshed at the same time on separate connections (FactsRepository
-- .refreshDirty does this on pg). Results are unchanged: same statements per day.

-- New orders only (the backfill case): plain insert of the copied orders. A unique violation
-- means some order exists (or is being loaded concurrently): the caller rolls back to its
-- savepoint and uses wh_ml_orders_upsert_copied. The caller then COPYs the lines of these orders
-- straight into ml_order_lines in the same transaction (no line of a new order can exist).
create or replace function public.wh_ml_orders_insert_copied(p_client_id uuid)
returns table (orders_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_days date[];
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	with ins_orders as (
		insert into public.ml_orders (client_id, order_id, status, date_created, date_last_updated, total_amount, currency_id)
		select p_client_id, order_id, status, date_created, date_last_updated, total_amount, currency_id
		from pg_temp.wh_copy_orders
		returning (date_created at time zone 'America/Sao_Paulo')::date as day
	)
	select (select count(*) from ins_orders)::integer, array(select distinct day from ins_orders order by 1)
	into orders_written, v_days;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

-- The general case (re-synced orders): the same upsert as wh_ml_upsert_orders, from the copied rows.
create or replace function public.wh_ml_orders_upsert_copied(p_client_id uuid)
returns table (orders_written integer, lines_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_orphans integer;
	v_days date[];
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	with o_in as materialized (
		select order_id as "orderId", status, date_created as "dateCreated", date_last_updated as "dateLastUpdated",
			total_amount as "totalAmount", currency_id as "currencyId"
		from pg_temp.wh_copy_orders
	),
	l_in as materialized (
		select order_id as "orderId", line_no as "lineNo", item_id as "itemId", variation_id as "variationId",
			seller_sku as "sellerSku", quantity, unit_price as "unitPrice", sale_fee as "saleFee"
		from pg_temp.wh_copy_lines
	),
	old_days as (
		select (o.date_created at time zone 'America/Sao_Paulo')::date as day
		from public.ml_orders o join o_in on o.order_id = o_in."orderId"
		where o.client_id = p_client_id
	),
	up_orders as (
		insert into public.ml_orders as t (client_id, order_id, status, date_created, date_last_updated, total_amount, currency_id)
		select p_client_id, "orderId", status, "dateCreated", "dateLastUpdated", "totalAmount", "currencyId" from o_in
		on conflict (client_id, order_id) do update set
			status = excluded.status,
			date_created = excluded.date_created,
			date_last_updated = excluded.date_last_updated,
			total_amount = excluded.total_amount,
			currency_id = excluded.currency_id
		where (t.status, t.date_created, t.date_last_updated, t.total_amount, t.currency_id)
			is distinct from (excluded.status, excluded.date_created, excluded.date_last_updated, excluded.total_amount, excluded.currency_id)
		returning 1
	),
	del_lines as (
		delete from public.ml_order_lines l
		using o_in
		where l.client_id = p_client_id and l.order_id = o_in."orderId"
			and not exists (select 1 from l_in where l_in."orderId" = l.order_id and l_in."lineNo" = l.line_no)
		returning 1
	),
	up_lines as (
		insert into public.ml_order_lines as t (client_id, order_id, line_no, item_id, variation_id, seller_sku, quantity, unit_price, sale_fee)
		select p_client_id, l_in."orderId", "lineNo", "itemId", "variationId", "sellerSku", quantity, "unitPrice", "saleFee"
		from l_in join o_in on o_in."orderId" = l_in."orderId"
		on conflict (client_id, order_id, line_no) do update set
			item_id = excluded.item_id,
			variation_id = excluded.variation_id,
			seller_sku = excluded.seller_sku,
			quantity = excluded.quantity,
			unit_price = excluded.unit_price,
			sale_fee = excluded.sale_fee
		where (t.item_id, t.variation_id, t.seller_sku, t.quantity, t.unit_price, t.sale_fee)
			is distinct from (excluded.item_id, excluded.variation_id, excluded.seller_sku, excluded.quantity, excluded.unit_price, excluded.sale_fee)
		returning 1
	)
	select
		(select count(*) from up_orders)::integer,
		((select count(*) from up_lines) + (select count(*) from del_lines))::integer,
		(select count(*) from l_in where not exists (select 1 from o_in where o_in."orderId" = l_in."orderId"))::integer,
		array(
			select day from old_days
			union
			select ("dateCreated" at time zone 'America/Sao_Paulo')::date from o_in
			order by 1
		)
	into orders_written, lines_written, v_orphans, v_days;
	if v_orphans > 0 then
		raise exception '% order lines belong to no order of this call: send each order with all of its lines', v_orphans
			using errcode = 'VW004';
	end if;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

-- Runs of consecutive stale days (what wh_refresh_dirty_facts loops over), for callers that
-- refresh them themselves (in parallel pieces).
create or replace function public.wh_fact_dirty_ranges(p_client_id uuid)
returns table (date_from text, date_to text)
language sql
stable
as $$
	select to_char(min(day), 'YYYY-MM-DD'), to_char(max(day), 'YYYY-MM-DD')
	from (
		select day, day - (row_number() over (order by day))::integer as island
		from public.fact_dirty_days where client_id = p_client_id
	) d
	group by island
	order by min(day)
$$;

-- Plans that probe the lines of each order through the primary key, whatever the statistics
-- say (a guess of "few lines" would otherwise rescan them all once per order): nested loops only,
-- no scan of a whole table where an index serves, nothing materialised for rescans. Local to the
-- calling function's SET clauses (wh_refresh_client_facts).
create or replace function public.wh_plan_probe_lines()
returns void
language sql
as $$
	select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
		set_config('enable_seqscan', 'off', true), set_config('enable_material', 'off', true)
$$;

create or replace function public.wh_refresh_client_facts(p_client_id uuid, p_from date, p_to date)
returns table (fact_sku_day_rows integer, agg_client_day_rows integer, ads_day_rows integer)
language plpgsql
set work_mem = '128MB'
set jit = off
set enable_nestloop = on
set enable_hashjoin = on
set enable_mergejoin = on
set enable_hashagg = on
set enable_seqscan = on
set enable_material = on
set client_min_messages = warning
as $$
declare
	v_from timestamptz;
	v_to timestamptz;
	v_month date;
	v_orders bigint;
begin
	if p_from is null or p_to is null or p_from > p_to then
		raise exception 'invalid day range % .. %', p_from, p_to using errcode = 'VW004';
	end if;
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	-- One refresh per (client, month) at a time, across processes; months locked in ascending
	-- order (no deadlock between overlapping ranges); disjoint month ranges run concurrently.
	v_month := date_trunc('month', p_from)::date;
	while v_month <= p_to loop
		perform pg_advisory_xact_lock(hashtextextended('viang.facts:' || p_client_id::text || ':' || to_char(v_month, 'YYYY-MM'), 0));
		v_month := (v_month + interval '1 month')::date;
	end loop;
	-- Day boundaries are Sao Paulo midnights, expressed as instants (index-friendly).
	v_from := p_from::timestamp at time zone 'America/Sao_Paulo';
	v_to := (p_to + 1)::timestamp at time zone 'America/Sao_Paulo';
	-- Cleared before staging is read: a load committing meanwhile marks its days again.
	delete from public.fact_dirty_days where client_id = p_client_id and day between p_from and p_to;

	-- Ads per ad group and day; SKU only for ad groups holding exactly one item (item-level SKU).
	delete from public.fact_ads_day where client_id = p_client_id and day between p_from and p_to;
	insert into public.fact_ads_day (
		client_id, day, ad_group_id, campaign_id, ads_cost, ads_clicks, ads_impressions,
		direct_amount, indirect_amount, ads_revenue, item_count, item_id, sku, sku_is_fallback
	)
	select m.client_id, m.day, m.ad_group_id, m.campaign_id, m.cost, m.clicks, m.impressions,
		m.direct_amount, m.indirect_amount, m.direct_amount + m.indirect_amount,
		coalesce(g.item_count, 0)::integer,
		g.item_id,
		case when g.item_count = 1
			then coalesce(public.wh_ml_line_sku(null, null, null, i.sku_attribute, i.seller_custom_field), g.item_id) end,
		case when g.item_count = 1
			then public.wh_ml_line_sku(null, null, null, i.sku_attribute, i.seller_custom_field) is null end
	from public.ml_ad_group_metrics m
	left join (
		select ad_group_id, count(*) as item_count, case when count(*) = 1 then min(item_id) end as item_id
		from public.ml_ad_group_items where client_id = p_client_id
		group by ad_group_id
	) g on g.ad_group_id = m.ad_group_id
	left join public.ml_items i on i.client_id = m.client_id and i.item_id = g.item_id
	where m.client_id = p_client_id and m.day between p_from and p_to;
	get diagnostics ads_day_rows = row_count;

	-- The orders that count (sales and cancellations) of the range, with their São Paulo day,
	-- analysed: right after a bulk load the staging tables have no statistics yet.
	drop table if exists pg_temp.wh_orders;
	create temp table wh_orders on commit drop as
	select o.order_id, (o.date_created at time zone 'America/Sao_Paulo')::date as day, o.status <> 'cancelled' as is_sale
	from public.ml_orders o
	where o.client_id = p_client_id and o.date_created >= v_from and o.date_created < v_to
		and o.status in ('paid', 'partially_refunded', 'cancelled');
	get diagnostics v_orders = row_count;
	analyze pg_temp.wh_orders;
	-- Plan shapes chosen here, not from the lines' statistics (missing or stale right after a
	-- bulk load, when a wrong guess costs minutes; the settings are local to this function, see
	-- its SET clauses): few orders probe their lines through the primary key, many orders
	-- hash-join one scan of the client's lines.
	if v_orders < 20000 then
		perform public.wh_plan_probe_lines();
	else
		perform set_config('enable_nestloop', 'off', true);
	end if;

	-- Sale and cancelled lines of the range per (day, sku), in one hash aggregation: sums over
	-- lines equal sums over per-order sums, and an order is counted once per (day, sku) by
	-- count(distinct) (a separate per-order level cost twice as much: 400,000 groups of numeric
	-- sums sorted for every half year of a large seller).
	drop table if exists pg_temp.wh_sales;
	create temp table wh_sales on commit drop as
	select s.day, s.sku, bool_and(s.is_fallback) as sku_is_fallback,
		coalesce(sum(s.quantity) filter (where s.is_sale), 0) as units_sold,
		count(distinct s.order_id) filter (where s.is_sale) as orders_count,
		coalesce(sum(s.quantity * s.unit_price) filter (where s.is_sale), 0) as gross_revenue,
		coalesce(sum(coalesce(s.sale_fee, 0) * s.quantity) filter (where s.is_sale), 0) as sale_fees,
		coalesce(sum(s.quantity) filter (where not s.is_sale), 0) as cancelled_units,
		coalesce(sum(s.quantity * s.unit_price) filter (where not s.is_sale), 0) as cancelled_revenue
	from (
		select o.day,
			coalesce(r.sku, l.item_id || coalesce(':' || l.variation_id, '')) as sku,
			r.sku is null as is_fallback,
			o.is_sale,
			o.order_id, l.quantity, l.unit_price, l.sale_fee
		from pg_temp.wh_orders o
		join public.ml_order_lines l on l.client_id = p_client_id and l.order_id = o.order_id
		left join public.ml_item_variations v
			on v.client_id = p_client_id and v.item_id = l.item_id and v.variation_id = l.variation_id
		left join public.ml_items i on i.client_id = p_client_id and i.item_id = l.item_id
		cross join lateral (
			select public.wh_ml_line_sku(l.seller_sku, v.sku_attribute, v.seller_custom_field, i.sku_attribute, i.seller_custom_field) as sku
		) r
	) s
	group by s.day, s.sku;

	-- Distinct orders of the day (an order with two SKUs counts once): orders with at least one
	-- line, each probed through the lines' primary key.
	perform set_config('enable_nestloop', 'on', true);
	perform public.wh_plan_probe_lines();
	drop table if exists pg_temp.wh_day_orders;
	create temp table wh_day_orders on commit drop as
	select o.day,
		count(*) filter (where o.is_sale) as orders_count,
		count(*) filter (where not o.is_sale) as cancelled_orders
	from pg_temp.wh_orders o
	where exists (select 1 from public.ml_order_lines l where l.client_id = p_client_id and l.order_id = o.order_id)
	group by 1;

	perform set_config('enable_hashjoin', 'on', true);
	perform set_config('enable_mergejoin', 'on', true);
	perform set_config('enable_seqscan', 'on', true);
	perform set_config('enable_material', 'on', true);

	-- Visits on the item-level SKU (rules 3-4).
	drop table if exists pg_temp.wh_visits;
	create temp table wh_visits on commit drop as
	select vi.day,
		coalesce(public.wh_ml_line_sku(null, null, null, i.sku_attribute, i.seller_custom_field), vi.item_id) as sku,
		public.wh_ml_line_sku(null, null, null, i.sku_attribute, i.seller_custom_field) is null as is_fallback,
		vi.visits
	from public.ml_visits vi
	left join public.ml_items i on i.client_id = vi.client_id and i.item_id = vi.item_id
	where vi.client_id = p_client_id and vi.day between p_from and p_to;

	delete from public.fact_sku_day where client_id = p_client_id and day between p_from and p_to;
	insert into public.fact_sku_day (
		client_id, day, sku, sku_is_fallback, units_sold, orders_count, gross_revenue, sale_fees,
		cancelled_units, cancelled_revenue, visits, ads_cost, ads_clicks, ads_impressions, ads_revenue
	)
	select p_client_id, u.day, u.sku, bool_and(u.is_fallback),
		sum(u.units_sold), sum(u.orders_count), sum(u.gross_revenue), sum(u.sale_fees),
		sum(u.cancelled_units), sum(u.cancelled_revenue), sum(u.visits),
		sum(u.ads_cost), sum(u.ads_clicks), sum(u.ads_impressions), sum(u.ads_revenue)
	from (
		select day, sku, sku_is_fallback as is_fallback, units_sold, orders_count, gross_revenue, sale_fees,
			cancelled_units, cancelled_revenue, 0 as visits, 0 as ads_cost, 0 as ads_clicks, 0 as ads_impressions, 0 as ads_revenue
		from wh_sales
		union all
		select day, sku, is_fallback, 0, 0, 0, 0, 0, 0, visits, 0, 0, 0, 0
		from wh_visits
		union all
		select day, sku, sku_is_fallback, 0, 0, 0, 0, 0, 0, 0, ads_cost, ads_clicks, ads_impressions, ads_revenue
		from public.fact_ads_day
		where client_id = p_client_id and day between p_from and p_to and sku is not null
	) u
	group by u.day, u.sku
	-- Rows with every measure at zero need not exist (and must not, for refreshes to agree).
	having sum(u.units_sold) <> 0 or sum(u.orders_count) <> 0 or sum(u.gross_revenue) <> 0 or sum(u.sale_fees) <> 0
		or sum(u.cancelled_units) <> 0 or sum(u.cancelled_revenue) <> 0 or sum(u.visits) <> 0
		or sum(u.ads_cost) <> 0 or sum(u.ads_clicks) <> 0 or sum(u.ads_impressions) <> 0 or sum(u.ads_revenue) <> 0;
	get diagnostics fact_sku_day_rows = row_count;

	delete from public.agg_client_day where client_id = p_client_id and day between p_from and p_to;
	insert into public.agg_client_day (
		client_id, day, units_sold, orders_count, gross_revenue, sale_fees, cancelled_units, cancelled_revenue,
		cancelled_orders, avg_ticket, visits, ads_cost, ads_clicks, ads_impressions, ads_revenue, acos
	)
	select p_client_id, d.day, d.units_sold, d.orders_count, d.gross_revenue, d.sale_fees, d.cancelled_units,
		d.cancelled_revenue, d.cancelled_orders,
		case when d.orders_count > 0 then round(d.gross_revenue / d.orders_count, 2) end,
		d.visits, d.ads_cost, d.ads_clicks, d.ads_impressions, d.ads_revenue,
		case when d.ads_revenue <> 0 then round(d.ads_cost / d.ads_revenue, 4) end
	from (
		select day, sum(units_sold) as units_sold, sum(orders_count) as orders_count,
			sum(gross_revenue) as gross_revenue, sum(sale_fees) as sale_fees,
			sum(cancelled_units) as cancelled_units, sum(cancelled_revenue) as cancelled_revenue,
			sum(cancelled_orders) as cancelled_orders, sum(visits) as visits,
			sum(ads_cost) as ads_cost, sum(ads_clicks) as ads_clicks,
			sum(ads_impressions) as ads_impressions, sum(ads_revenue) as ads_revenue
		from (
			-- Sums of the day's fact_sku_day rows (the table just written), distinct orders of the day.
			select f.day, f.units_sold, 0 as orders_count, f.gross_revenue, f.sale_fees, f.cancelled_units,
				f.cancelled_revenue, 0 as cancelled_orders, 0 as visits, 0 as ads_cost, 0 as ads_clicks,
				0 as ads_impressions, 0 as ads_revenue
			from public.fact_sku_day f where f.client_id = p_client_id and f.day between p_from and p_to
			union all
			select day, 0, orders_count, 0, 0, 0, 0, cancelled_orders, 0, 0, 0, 0, 0
			from wh_day_orders
			union all
			select day, 0, 0, 0, 0, 0, 0, 0, visits, 0, 0, 0, 0 from wh_visits
			union all
			select day, 0, 0, 0, 0, 0, 0, 0, 0, ads_cost, ads_clicks, ads_impressions, ads_revenue
			from public.fact_ads_day where client_id = p_client_id and day between p_from and p_to
		) x
		group by day
	) d
	where d.units_sold <> 0 or d.orders_count <> 0 or d.gross_revenue <> 0 or d.sale_fees <> 0
		or d.cancelled_units <> 0 or d.cancelled_revenue <> 0 or d.cancelled_orders <> 0 or d.visits <> 0
		or d.ads_cost <> 0 or d.ads_clicks <> 0 or d.ads_impressions <> 0 or d.ads_revenue <> 0;
	get diagnostics agg_client_day_rows = row_count;

	drop table if exists pg_temp.wh_orders;
	drop table if exists pg_temp.wh_sales;
	drop table if exists pg_temp.wh_day_orders;
	drop table if exists pg_temp.wh_visits;
	return next;
end
$$;

revoke execute on function public.wh_ml_orders_insert_copied(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_ml_orders_upsert_copied(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_plan_probe_lines() from public, anon, authenticated, analytics;
revoke execute on function public.wh_fact_dirty_ranges(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_refresh_client_facts(uuid, date, date) from public, anon, authenticated, analytics;
grant execute on function public.wh_ml_orders_insert_copied(uuid) to service_role;
grant execute on function public.wh_ml_orders_upsert_copied(uuid) to service_role;
grant execute on function public.wh_plan_probe_lines() to service_role;
grant execute on function public.wh_fact_dirty_ranges(uuid) to service_role;
grant execute on function public.wh_refresh_client_facts(uuid, date, date) to service_role;
