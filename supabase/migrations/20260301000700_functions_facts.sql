-- Facts, exactly as docs/metrics.md defines them, recomputed from staging for one client and a
-- range of days: delete the range, insert it again. Deterministic, so re-running any refresh
-- leaves identical tables, and a range always equals what a full refresh would give for it.

-- The SKU of an order line, rules 1-4 (first non-blank wins; blanks count as absent; values are trimmed).
create or replace function public.wh_ml_line_sku(
	p_seller_sku text, p_var_sku_attribute text, p_var_custom_field text,
	p_item_sku_attribute text, p_item_custom_field text
)
returns text
language sql immutable parallel safe
as $$
	select coalesce(nullif(btrim(p_seller_sku), ''), nullif(btrim(p_var_sku_attribute), ''),
		nullif(btrim(p_var_custom_field), ''), nullif(btrim(p_item_sku_attribute), ''),
		nullif(btrim(p_item_custom_field), ''))
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

	-- Sale and cancelled lines of the range, aggregated per (day, sku) and per day in one pass:
	-- distinct orders must be counted at both levels (an order with two SKUs counts once a day).
	drop table if exists pg_temp.wh_sales;
	create temp table wh_sales on commit drop as
	select s.day, s.sku, grouping(s.sku) as is_day_total,
		bool_and(s.is_fallback) as sku_is_fallback,
		coalesce(sum(s.quantity) filter (where s.is_sale), 0) as units_sold,
		count(distinct s.order_id) filter (where s.is_sale) as orders_count,
		coalesce(sum(s.quantity * s.unit_price) filter (where s.is_sale), 0) as gross_revenue,
		coalesce(sum(coalesce(s.sale_fee, 0) * s.quantity) filter (where s.is_sale), 0) as sale_fees,
		coalesce(sum(s.quantity) filter (where not s.is_sale), 0) as cancelled_units,
		coalesce(sum(s.quantity * s.unit_price) filter (where not s.is_sale), 0) as cancelled_revenue,
		count(distinct s.order_id) filter (where not s.is_sale) as cancelled_orders
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
	group by grouping sets ((s.day, s.sku), (s.day));

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
		from wh_sales where is_day_total = 0
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
			from wh_sales where is_day_total = 1
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
	drop table if exists pg_temp.wh_visits;
	return next;
end
$$;

-- Recomputes every stale day of a client (recorded by the staging loads), one refresh per run of
-- consecutive days, so that an old order changing status recomputes its own day and nothing else.
create or replace function public.wh_refresh_dirty_facts(p_client_id uuid)
returns table (date_from text, date_to text, fact_sku_day_rows integer, agg_client_day_rows integer, ads_day_rows integer)
language plpgsql
as $$
declare
	v_range record;
begin
	for v_range in
		select min(day) as day_from, max(day) as day_to
		from (
			select day, day - (row_number() over (order by day))::integer as island
			from public.fact_dirty_days where client_id = p_client_id
		) d
		group by island order by 1
	loop
		date_from := to_char(v_range.day_from, 'YYYY-MM-DD');
		date_to := to_char(v_range.day_to, 'YYYY-MM-DD');
		select r.fact_sku_day_rows, r.agg_client_day_rows, r.ads_day_rows
		into fact_sku_day_rows, agg_client_day_rows, ads_day_rows
		from public.wh_refresh_client_facts(p_client_id, v_range.day_from, v_range.day_to) r;
		return next;
	end loop;
end
$$;
