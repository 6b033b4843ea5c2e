-- Bulk-load performance (see docs/warehouse.md, benchmark). Per-row foreign-key checks dominated
-- loads of order lines and facts, so the high-volume tables drop them: only SQL functions write
-- them, and those check the client once per call; deleting a client still removes its rows
-- (trigger below). Orders loaded for the first time skip the upsert machinery, and the facts
-- refresh counts distinct orders with hash aggregates.

alter table public.ml_order_lines drop constraint ml_order_lines_client_id_order_id_fkey;
alter table public.ml_orders drop constraint ml_orders_client_id_fkey;
alter table public.fact_sku_day drop constraint fact_sku_day_client_id_fkey;
-- Lines of changed items are found through the primary key prefix (client) instead.
drop index public.ml_order_lines_item_idx;

create or replace function public.wh_clients_cleanup()
returns trigger
language plpgsql
as $$
begin
	delete from public.ml_order_lines where client_id in (select id from deleted_clients);
	delete from public.ml_orders where client_id in (select id from deleted_clients);
	delete from public.fact_sku_day where client_id in (select id from deleted_clients);
	return null;
end
$$;

create trigger clients_cleanup after delete on public.clients
	referencing old table as deleted_clients
	for each statement execute function public.wh_clients_cleanup();

create or replace function public.wh_ml_upsert_orders(p_client_id uuid, p_orders jsonb, p_lines jsonb default '[]'::jsonb)
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
	-- Fast path (backfills): when none of the orders exists yet, plain inserts (no speculative
	-- insertion, no line deletes). A concurrent load inserting the same orders makes it fail with a
	-- unique violation: then the general upsert below runs instead.
	if not exists (
		select 1 from public.ml_orders o
		where o.client_id = p_client_id
			and o.order_id in (select x ->> 'orderId' from jsonb_array_elements(coalesce(p_orders, '[]')) x)
	) then
		begin
			with o_in as materialized (
				select distinct on (x."orderId") x.*
				from jsonb_to_recordset(coalesce(p_orders, '[]')) as x(
					"orderId" text, status text, "dateCreated" timestamptz, "dateLastUpdated" timestamptz,
					"totalAmount" numeric, "currencyId" text
				)
				order by x."orderId", x."dateLastUpdated" desc
			),
			l_in as materialized (
				select distinct on (x."orderId", x."lineNo") x.*
				from jsonb_to_recordset(coalesce(p_lines, '[]')) as x(
					"orderId" text, "lineNo" integer, "itemId" text, "variationId" text, "sellerSku" text,
					quantity integer, "unitPrice" numeric, "saleFee" numeric
				)
				order by x."orderId", x."lineNo"
			),
			ins_orders as (
				insert into public.ml_orders (client_id, order_id, status, date_created, date_last_updated, total_amount, currency_id)
				select p_client_id, "orderId", status, "dateCreated", "dateLastUpdated", "totalAmount", "currencyId" from o_in
				returning 1
			),
			ins_lines as (
				insert into public.ml_order_lines (client_id, order_id, line_no, item_id, variation_id, seller_sku, quantity, unit_price, sale_fee)
				select p_client_id, l_in."orderId", "lineNo", "itemId", "variationId", "sellerSku", quantity, "unitPrice", "saleFee"
				from l_in join o_in on o_in."orderId" = l_in."orderId"
				returning 1
			)
			select
				(select count(*) from ins_orders)::integer,
				(select count(*) from ins_lines)::integer,
				(select count(*) from l_in where not exists (select 1 from o_in where o_in."orderId" = l_in."orderId"))::integer,
				array(select distinct ("dateCreated" at time zone 'America/Sao_Paulo')::date from o_in order by 1)
			into orders_written, lines_written, v_orphans, v_days;
			if v_orphans > 0 then
				raise exception '% order lines belong to no order of this call: send each order with all of its lines', v_orphans
					using errcode = 'VW004';
			end if;
			perform public.wh_mark_dirty_days(p_client_id, v_days);
			affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
			return next;
			return;
		exception when unique_violation then
			null;
		end;
	end if;
	-- A re-synced order replaces all of its lines: lines of orders in this call that are absent
	-- from it are deleted, the others upserted (disjoint rows, so one statement is safe).
	with o_in as materialized (
		select distinct on (x."orderId") x.*
		from jsonb_to_recordset(coalesce(p_orders, '[]')) as x(
			"orderId" text, status text, "dateCreated" timestamptz, "dateLastUpdated" timestamptz,
			"totalAmount" numeric, "currencyId" text
		)
		order by x."orderId", x."dateLastUpdated" desc
	),
	l_in as materialized (
		select distinct on (x."orderId", x."lineNo") x.*
		from jsonb_to_recordset(coalesce(p_lines, '[]')) as x(
			"orderId" text, "lineNo" integer, "itemId" text, "variationId" text, "sellerSku" text,
			quantity integer, "unitPrice" numeric, "saleFee" numeric
		)
		order by x."orderId", x."lineNo"
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

create or replace function public.wh_refresh_client_facts(p_client_id uuid, p_from date, p_to date)
returns table (fact_sku_day_rows integer, agg_client_day_rows integer, ads_day_rows integer)
language plpgsql
set work_mem = '128MB'
set client_min_messages = warning
as $$
declare
	v_from timestamptz;
	v_to timestamptz;
begin
	if p_from is null or p_to is null or p_from > p_to then
		raise exception 'invalid day range % .. %', p_from, p_to using errcode = 'VW004';
	end if;
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	-- One refresh per client at a time, across processes.
	perform pg_advisory_xact_lock(hashtextextended('viang.facts:' || p_client_id::text, 0));
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

	-- Sale and cancelled lines of the range per (day, sku). Distinct orders are counted by first
	-- grouping per order (hash aggregates; count(distinct) would sort every group).
	drop table if exists pg_temp.wh_sales;
	create temp table wh_sales on commit drop as
	select p.day, p.sku, bool_and(p.is_fallback) as sku_is_fallback,
		coalesce(sum(p.quantity) filter (where p.is_sale), 0) as units_sold,
		count(*) filter (where p.is_sale) as orders_count,
		coalesce(sum(p.revenue) filter (where p.is_sale), 0) as gross_revenue,
		coalesce(sum(p.fees) filter (where p.is_sale), 0) as sale_fees,
		coalesce(sum(p.quantity) filter (where not p.is_sale), 0) as cancelled_units,
		coalesce(sum(p.revenue) filter (where not p.is_sale), 0) as cancelled_revenue
	from (
		select s.day, s.sku, s.order_id, s.is_sale, bool_and(s.is_fallback) as is_fallback,
			sum(s.quantity) as quantity, sum(s.quantity * s.unit_price) as revenue,
			sum(coalesce(s.sale_fee, 0) * s.quantity) as fees
		from (
			select (o.date_created at time zone 'America/Sao_Paulo')::date as day,
				coalesce(r.sku, l.item_id || coalesce(':' || l.variation_id, '')) as sku,
				r.sku is null as is_fallback,
				o.status <> 'cancelled' as is_sale,
				o.order_id, l.quantity, l.unit_price, l.sale_fee
			from public.ml_orders o
			join public.ml_order_lines l on l.client_id = o.client_id and l.order_id = o.order_id
			left join public.ml_item_variations v
				on v.client_id = l.client_id and v.item_id = l.item_id and v.variation_id = l.variation_id
			left join public.ml_items i on i.client_id = l.client_id and i.item_id = l.item_id
			cross join lateral (
				select public.wh_ml_line_sku(l.seller_sku, v.sku_attribute, v.seller_custom_field, i.sku_attribute, i.seller_custom_field) as sku
			) r
			where o.client_id = p_client_id and o.date_created >= v_from and o.date_created < v_to
				and o.status in ('paid', 'partially_refunded', 'cancelled')
		) s
		group by s.day, s.sku, s.order_id, s.is_sale
	) p
	group by p.day, p.sku;

	-- Distinct orders of the day (an order with two SKUs counts once): orders with at least one line.
	drop table if exists pg_temp.wh_day_orders;
	create temp table wh_day_orders on commit drop as
	select (o.date_created at time zone 'America/Sao_Paulo')::date as day,
		count(*) filter (where o.status <> 'cancelled') as orders_count,
		count(*) filter (where o.status = 'cancelled') as cancelled_orders
	from public.ml_orders o
	where o.client_id = p_client_id and o.date_created >= v_from and o.date_created < v_to
		and o.status in ('paid', 'partially_refunded', 'cancelled')
		and exists (select 1 from public.ml_order_lines l where l.client_id = o.client_id and l.order_id = o.order_id)
	group by 1;

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

	drop table if exists pg_temp.wh_sales;
	drop table if exists pg_temp.wh_day_orders;
	drop table if exists pg_temp.wh_visits;
	return next;
end
$$;


revoke execute on function public.wh_clients_cleanup() from public, anon, authenticated, analytics;
revoke execute on function public.wh_ml_upsert_orders(uuid, jsonb, jsonb) from public, anon, authenticated, analytics;
revoke execute on function public.wh_refresh_client_facts(uuid, date, date) from public, anon, authenticated, analytics;
grant execute on function public.wh_ml_upsert_orders(uuid, jsonb, jsonb) to service_role;
grant execute on function public.wh_refresh_client_facts(uuid, date, date) to service_role;
