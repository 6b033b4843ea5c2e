-- Row Level Security everywhere: the service role (and the database owner the pg transport
-- connects as) writes; anon and authenticated see nothing; dashboards read only the views of
-- the `analytics` schema through the read-only `analytics` role.

do $$
declare
	v_table text;
begin
	foreach v_table in array array[
		'clients', 'client_status_changes', 'provider_credentials', 'invites',
		'ml_orders', 'ml_order_lines', 'ml_items', 'ml_item_variations', 'ml_visits',
		'ml_ad_group_metrics', 'ml_ad_group_items', 'fact_dirty_days',
		'fact_sku_day', 'agg_client_day', 'fact_ads_day', 'stock_snapshots', 'fin_client_day',
		'updates_log', 'sync_watermarks'
	] loop
		execute format('alter table public.%I enable row level security', v_table);
		execute format(
			'create policy service_role_all on public.%I for all to service_role using (true) with check (true)', v_table
		);
		execute format('revoke all on public.%I from public, anon, authenticated, analytics', v_table);
		execute format('grant select, insert, update, delete on public.%I to service_role', v_table);
	end loop;
end
$$;

grant usage on schema public to service_role;
grant usage, select on all sequences in schema public to service_role;

-- Functions: Supabase grants EXECUTE to anon/authenticated by default; only the service role may
-- call them (tokens and client data pass through them).
revoke execute on all functions in schema public from public, anon, authenticated, analytics;
grant execute on all functions in schema public to service_role;

create or replace view analytics.v_clients as
select id, name, status from public.clients;

create or replace view analytics.v_sku_day as
select f.client_id, c.name as client_name, f.day, f.sku, f.sku_is_fallback, f.units_sold, f.orders_count,
	f.gross_revenue, f.sale_fees, f.cancelled_units, f.cancelled_revenue, f.visits,
	f.ads_cost, f.ads_clicks, f.ads_impressions, f.ads_revenue
from public.fact_sku_day f join public.clients c on c.id = f.client_id;

create or replace view analytics.v_client_day as
select a.client_id, c.name as client_name, a.day, a.units_sold, a.orders_count, a.gross_revenue, a.sale_fees,
	a.cancelled_units, a.cancelled_revenue, a.cancelled_orders, a.avg_ticket, a.visits,
	a.ads_cost, a.ads_clicks, a.ads_impressions, a.ads_revenue, a.acos
from public.agg_client_day a join public.clients c on c.id = a.client_id;

create or replace view analytics.v_ads_day as
select a.client_id, c.name as client_name, a.day, a.ad_group_id, a.campaign_id, a.ads_cost, a.ads_clicks,
	a.ads_impressions, a.direct_amount, a.indirect_amount, a.ads_revenue, a.item_count, a.item_id, a.sku,
	a.sku_is_fallback
from public.fact_ads_day a join public.clients c on c.id = a.client_id;

-- Dashboards show the latest snapshot per (client, sku, source, warehouse).
create or replace view analytics.v_stock_latest as
select distinct on (s.client_id, s.sku, s.source, s.warehouse)
	s.client_id, c.name as client_name, s.sku, s.source, s.warehouse, s.taken_at, s.quantity, s.unit_cost
from public.stock_snapshots s join public.clients c on c.id = s.client_id
order by s.client_id, s.sku, s.source, s.warehouse, s.taken_at desc;

create or replace view analytics.v_fin_day as
select f.client_id, c.name as client_name, f.day, f.receivable_due, f.received, f.payable_due, f.paid,
	f.receivable_overdue, f.payable_overdue
from public.fin_client_day f join public.clients c on c.id = f.client_id;

revoke all on all tables in schema analytics from public, anon, authenticated;
grant select on all tables in schema analytics to analytics;
