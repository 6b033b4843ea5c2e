-- Staging loads. Rows arrive as jsonb arrays shaped like domain/warehouse/staging-types.ts (the
-- same call serves pg and supabase-js). Each load is one statement: it overwrites by natural key,
-- skips rows that did not change, and records every day whose facts it made stale (old and new
-- day of an order) in fact_dirty_days. Returns the rows written and those days.

create or replace function public.wh_mark_dirty_days(p_client_id uuid, p_days date[])
returns void
language sql
as $$
	insert into public.fact_dirty_days (client_id, day)
	select distinct p_client_id, d from unnest(p_days) d where d is not null
	order by 2
	on conflict do nothing
$$;

create or replace function public.wh_ml_upsert_orders(p_client_id uuid, p_orders jsonb, p_lines jsonb default '[]'::jsonb)
returns table (orders_written integer, lines_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_orphans integer;
	v_days date[];
begin
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

-- Items and variations: their SKU fields drive rules 2-4, so a changed SKU makes stale every day
-- with lines, visits or single-item ad groups of that item.
create or replace function public.wh_ml_upsert_items(p_client_id uuid, p_items jsonb, p_variations jsonb default '[]'::jsonb)
returns table (items_written integer, variations_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_changed_items text[];
	v_days date[];
begin
	with i_in as materialized (
		select distinct on (x."itemId") x.*
		from jsonb_to_recordset(coalesce(p_items, '[]')) as x(
			"itemId" text, title text, status text, "skuAttribute" text, "sellerCustomField" text
		)
		order by x."itemId"
	),
	v_in as materialized (
		select distinct on (x."itemId", x."variationId") x.*
		from jsonb_to_recordset(coalesce(p_variations, '[]')) as x(
			"itemId" text, "variationId" text, "skuAttribute" text, "sellerCustomField" text
		)
		order by x."itemId", x."variationId"
	),
	sku_changed as (
		select i_in."itemId" as item_id from i_in
		left join public.ml_items t on t.client_id = p_client_id and t.item_id = i_in."itemId"
		where t.item_id is null
			or (t.sku_attribute, t.seller_custom_field) is distinct from (i_in."skuAttribute", i_in."sellerCustomField")
		union
		select v_in."itemId" from v_in
		left join public.ml_item_variations t
			on t.client_id = p_client_id and t.item_id = v_in."itemId" and t.variation_id = v_in."variationId"
		where t.item_id is null
			or (t.sku_attribute, t.seller_custom_field) is distinct from (v_in."skuAttribute", v_in."sellerCustomField")
	),
	up_items as (
		insert into public.ml_items as t (client_id, item_id, title, status, sku_attribute, seller_custom_field)
		select p_client_id, "itemId", title, status, "skuAttribute", "sellerCustomField" from i_in
		on conflict (client_id, item_id) do update set
			title = excluded.title, status = excluded.status,
			sku_attribute = excluded.sku_attribute, seller_custom_field = excluded.seller_custom_field
		where (t.title, t.status, t.sku_attribute, t.seller_custom_field)
			is distinct from (excluded.title, excluded.status, excluded.sku_attribute, excluded.seller_custom_field)
		returning 1
	),
	up_variations as (
		insert into public.ml_item_variations as t (client_id, item_id, variation_id, sku_attribute, seller_custom_field)
		select p_client_id, "itemId", "variationId", "skuAttribute", "sellerCustomField" from v_in
		on conflict (client_id, item_id, variation_id) do update set
			sku_attribute = excluded.sku_attribute, seller_custom_field = excluded.seller_custom_field
		where (t.sku_attribute, t.seller_custom_field) is distinct from (excluded.sku_attribute, excluded.seller_custom_field)
		returning 1
	)
	select (select count(*) from up_items)::integer, (select count(*) from up_variations)::integer,
		array(select item_id from sku_changed)
	into items_written, variations_written, v_changed_items;

	select array(
		select (o.date_created at time zone 'America/Sao_Paulo')::date
		from public.ml_order_lines l
		join public.ml_orders o on o.client_id = l.client_id and o.order_id = l.order_id
		where l.client_id = p_client_id and l.item_id = any (v_changed_items)
		union
		select day from public.ml_visits where client_id = p_client_id and item_id = any (v_changed_items)
		union
		select m.day from public.ml_ad_group_metrics m
		join public.ml_ad_group_items gi on gi.client_id = m.client_id and gi.ad_group_id = m.ad_group_id
		where m.client_id = p_client_id and gi.item_id = any (v_changed_items)
		order by 1
	) into v_days;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

create or replace function public.wh_ml_upsert_visits(p_client_id uuid, p_visits jsonb)
returns table (rows_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_days date[];
begin
	with v_in as materialized (
		select distinct on (x."itemId", x.day) x.*
		from jsonb_to_recordset(coalesce(p_visits, '[]')) as x("itemId" text, day date, visits integer)
		order by x."itemId", x.day
	),
	up as (
		insert into public.ml_visits as t (client_id, item_id, day, visits)
		select p_client_id, "itemId", day, visits from v_in
		on conflict (client_id, item_id, day) do update set visits = excluded.visits
		where t.visits is distinct from excluded.visits
		returning t.day
	)
	select (select count(*) from up)::integer, array(select distinct day from up order by 1)
	into rows_written, v_days;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

create or replace function public.wh_ml_upsert_ad_group_metrics(p_client_id uuid, p_rows jsonb)
returns table (rows_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_days date[];
begin
	with m_in as materialized (
		select distinct on (x."adGroupId", x.day) x.*
		from jsonb_to_recordset(coalesce(p_rows, '[]')) as x(
			"adGroupId" text, "campaignId" text, day date, cost numeric, clicks integer, impressions integer,
			"directAmount" numeric, "indirectAmount" numeric
		)
		order by x."adGroupId", x.day
	),
	up as (
		insert into public.ml_ad_group_metrics as t (
			client_id, ad_group_id, day, campaign_id, cost, clicks, impressions, direct_amount, indirect_amount
		)
		select p_client_id, "adGroupId", day, "campaignId", cost, clicks, impressions, "directAmount", "indirectAmount"
		from m_in
		on conflict (client_id, ad_group_id, day) do update set
			campaign_id = excluded.campaign_id, cost = excluded.cost, clicks = excluded.clicks,
			impressions = excluded.impressions, direct_amount = excluded.direct_amount,
			indirect_amount = excluded.indirect_amount
		where (t.campaign_id, t.cost, t.clicks, t.impressions, t.direct_amount, t.indirect_amount)
			is distinct from (excluded.campaign_id, excluded.cost, excluded.clicks, excluded.impressions,
				excluded.direct_amount, excluded.indirect_amount)
		returning t.day
	)
	select (select count(*) from up)::integer, array(select distinct day from up order by 1)
	into rows_written, v_days;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

-- Ad group membership is additive (the extractor may page through an ad group's items); a new
-- member changes whether the group has exactly one item, so all of its days become stale.
create or replace function public.wh_ml_upsert_ad_group_items(p_client_id uuid, p_rows jsonb)
returns table (rows_written integer, affected_days text[])
language plpgsql
as $$
declare
	v_groups text[];
	v_days date[];
begin
	with up as (
		insert into public.ml_ad_group_items (client_id, ad_group_id, item_id)
		select distinct p_client_id, x."adGroupId", x."itemId"
		from jsonb_to_recordset(coalesce(p_rows, '[]')) as x("adGroupId" text, "itemId" text)
		on conflict do nothing
		returning ad_group_id
	)
	select (select count(*) from up)::integer, array(select distinct ad_group_id from up)
	into rows_written, v_groups;
	select array(
		select distinct day from public.ml_ad_group_metrics
		where client_id = p_client_id and ad_group_id = any (v_groups) order by 1
	) into v_days;
	perform public.wh_mark_dirty_days(p_client_id, v_days);
	affected_days := array(select to_char(d, 'YYYY-MM-DD') from unnest(v_days) d);
	return next;
end
$$;

-- Stock snapshots (Bling, UpSeller): one row per (client, sku, source, warehouse, taken_at).
create or replace function public.wh_stock_insert_snapshots(p_client_id uuid, p_rows jsonb)
returns table (rows_written integer)
language plpgsql
as $$
begin
	insert into public.stock_snapshots as t (client_id, sku, source, warehouse, taken_at, quantity, unit_cost)
	select distinct on (x.sku, x.source, coalesce(x.warehouse, ''), x."takenAt")
		p_client_id, x.sku, x.source, coalesce(x.warehouse, ''), x."takenAt", x.quantity, x."unitCost"
	from jsonb_to_recordset(coalesce(p_rows, '[]')) as x(
		sku text, source text, warehouse text, "takenAt" timestamptz, quantity numeric, "unitCost" numeric
	)
	order by x.sku, x.source, coalesce(x.warehouse, ''), x."takenAt"
	on conflict (client_id, sku, source, warehouse, taken_at) do update set
		quantity = excluded.quantity, unit_cost = excluded.unit_cost
	where (t.quantity, t.unit_cost) is distinct from (excluded.quantity, excluded.unit_cost);
	get diagnostics rows_written = row_count;
	return next;
end
$$;

create or replace function public.wh_fin_upsert_days(p_client_id uuid, p_rows jsonb)
returns table (rows_written integer)
language plpgsql
as $$
begin
	insert into public.fin_client_day as t (
		client_id, day, receivable_due, received, payable_due, paid, receivable_overdue, payable_overdue
	)
	select distinct on (x.day) p_client_id, x.day,
		coalesce(x."receivableDue", 0), coalesce(x.received, 0), coalesce(x."payableDue", 0), coalesce(x.paid, 0),
		coalesce(x."receivableOverdue", 0), coalesce(x."payableOverdue", 0)
	from jsonb_to_recordset(coalesce(p_rows, '[]')) as x(
		day date, "receivableDue" numeric, received numeric, "payableDue" numeric, paid numeric,
		"receivableOverdue" numeric, "payableOverdue" numeric
	)
	order by x.day
	on conflict (client_id, day) do update set
		receivable_due = excluded.receivable_due, received = excluded.received,
		payable_due = excluded.payable_due, paid = excluded.paid,
		receivable_overdue = excluded.receivable_overdue, payable_overdue = excluded.payable_overdue
	where (t.receivable_due, t.received, t.payable_due, t.paid, t.receivable_overdue, t.payable_overdue)
		is distinct from (excluded.receivable_due, excluded.received, excluded.payable_due, excluded.paid,
			excluded.receivable_overdue, excluded.payable_overdue);
	get diagnostics rows_written = row_count;
	return next;
end
$$;
