-- Stock per SKU across sources (docs/bling-upseller.md, "SKUs in one source only").
--
-- analytics.v_stock_latest lists the latest snapshot of every (client, sku, source, warehouse)
-- ever seen, so it answers "what did each source last say about this SKU". This view answers the
-- dashboard's question "stock of each SKU now": per (client, sku), only rows of the latest sync of
-- each source (a SKU a source no longer reports drops out instead of showing an old quantity),
-- joined with the SKUs the client sells or lists on Mercado Livre:
--   * a SKU in Bling/UpSeller but not on Mercado Livre: a row with its stock, on_mercadolivre false;
--   * a SKU on Mercado Livre but in no stock source: a row with null quantities (unknown, not 0),
--     has_stock_source false;
--   * listings without a SKU (fallback keys MLB…) are left out: nothing can hold stock for them.
-- Bling and UpSeller quantities stay in separate columns: UpSeller often mirrors the same ERP
-- stock, so adding them up would count it twice.

create index if not exists stock_snapshots_latest_idx on public.stock_snapshots (client_id, source, taken_at desc);

create or replace view analytics.v_stock_sku as
with latest_sync as (
	select client_id, source, max(taken_at) as taken_at
	from public.stock_snapshots
	group by client_id, source
),
stock as (
	select s.client_id, s.sku,
		sum(s.quantity) filter (where s.source = 'bling') as bling_quantity,
		sum(s.quantity) filter (where s.source = 'upseller') as upseller_quantity,
		max(s.unit_cost) filter (where s.source = 'bling') as unit_cost,
		max(s.taken_at) as taken_at
	from public.stock_snapshots s
	join latest_sync l on l.client_id = s.client_id and l.source = s.source and l.taken_at = s.taken_at
	group by s.client_id, s.sku
),
ml as (
	select i.client_id,
		public.wh_ml_line_sku(null, v.sku_attribute, v.seller_custom_field, i.sku_attribute, i.seller_custom_field) as sku
	from public.ml_items i
	left join public.ml_item_variations v on v.client_id = i.client_id and v.item_id = i.item_id
	union
	select f.client_id, f.sku from public.fact_sku_day f where not f.sku_is_fallback
)
select coalesce(st.client_id, m.client_id) as client_id, c.name as client_name,
	coalesce(st.sku, m.sku) as sku,
	st.bling_quantity, st.upseller_quantity, st.unit_cost,
	round(st.bling_quantity * st.unit_cost, 2) as bling_stock_value,
	st.taken_at,
	st.sku is not null as has_stock_source,
	m.sku is not null as on_mercadolivre
from stock st
full join (select distinct client_id, sku from ml where sku is not null) m on m.client_id = st.client_id and m.sku = st.sku
join public.clients c on c.id = coalesce(st.client_id, m.client_id);

revoke all on analytics.v_stock_sku from public, anon, authenticated;
grant select on analytics.v_stock_sku to analytics;
