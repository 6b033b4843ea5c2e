// A migrated warehouse seeded the real way (staging upserts + refreshClientFacts, stock snapshots,
// finance days) for two clients. The expected figures in questions-sql.test.ts are computed by
// hand from these rows with the rules of docs/metrics.md.
import { Client } from 'pg';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export interface SeededWarehouse {
	db: TestDatabase;
	warehouse: Warehouse;
	azul: string;
	verde: string;
	close(): Promise<void>;
}

const line = (orderId: string, lineNo: number, itemId: string, quantity: number, unitPrice: string, saleFee: string | null) => ({
	orderId,
	lineNo,
	itemId,
	variationId: null,
	sellerSku: null,
	quantity,
	unitPrice,
	saleFee,
});

const order = (orderId: string, status: string, dateCreated: string, totalAmount: string) => ({
	orderId,
	status,
	dateCreated,
	dateLastUpdated: dateCreated,
	totalAmount,
	currencyId: 'BRL',
});

const item = (itemId: string, sku: string | null) => ({ itemId, title: `Produto ${itemId}`, status: 'active', skuAttribute: sku, sellerCustomField: null });

export async function seededWarehouse(): Promise<SeededWarehouse> {
	const db = await createTestDatabase('viang_metabase');
	await migrate(db.url);
	const warehouse = openWarehouse({ databaseUrl: db.url });
	const azul = (await warehouse.clients.create({ name: 'Loja Azul', email: 'azul@example.com' })).id;
	const verde = (await warehouse.clients.create({ name: 'Loja Verde', email: 'verde@example.com' })).id;

	// Loja Azul — items: MLB2 has no SKU (fallback key "MLB2").
	await warehouse.staging.upsertMlItems(azul, [
		item('MLB1', 'SKU-A'),
		item('MLB2', null),
		item('MLB3', 'SKU-C'),
		item('MLB4', 'SKU-D'),
		item('MLB5', 'SKU-E'),
	]);
	await warehouse.staging.upsertMlOrders(
		azul,
		[
			order('1001', 'paid', '2026-03-01T10:00:00-03:00', '200.00'),
			// 01:30Z is 22:30 of the day before in São Paulo.
			order('1002', 'paid', '2026-03-02T01:30:00Z', '150.00'),
			order('1003', 'cancelled', '2026-03-02T12:00:00-03:00', '100.00'),
			// -04:00: 15:00 there is 16:00 in São Paulo, still 2026-03-02.
			order('1004', 'partially_refunded', '2026-03-02T15:00:00-04:00', '90.00'),
			order('1005', 'confirmed', '2026-03-02T18:00:00-03:00', '500.00'),
			order('1006', 'paid', '2026-03-03T09:00:00-03:00', '180.00'),
		],
		[
			line('1001', 0, 'MLB1', 2, '100.00', '10.00'),
			line('1002', 0, 'MLB1', 1, '100.00', '10.00'),
			line('1002', 1, 'MLB2', 1, '50.00', '5.00'),
			line('1003', 0, 'MLB1', 1, '100.00', '10.00'),
			line('1004', 0, 'MLB3', 3, '30.00', '3.00'),
			line('1005', 0, 'MLB1', 5, '100.00', '10.00'),
			line('1006', 0, 'MLB3', 1, '30.00', '3.00'),
			line('1006', 1, 'MLB2', 2, '50.00', '5.00'),
			line('1006', 2, 'MLB5', 2, '20.00', '2.00'),
			line('1006', 3, 'MLB4', 1, '10.00', '1.00'),
		],
	);
	await warehouse.staging.upsertMlVisits(azul, [
		{ itemId: 'MLB1', day: '2026-03-01', visits: 40 },
		{ itemId: 'MLB2', day: '2026-03-01', visits: 10 },
		{ itemId: 'MLB3', day: '2026-03-02', visits: 25 },
		{ itemId: 'MLB1', day: '2026-03-03', visits: 30 },
	]);
	await warehouse.staging.upsertMlAdGroupItems(azul, [
		{ adGroupId: 'G1', itemId: 'MLB1' },
		{ adGroupId: 'G2', itemId: 'MLB2' },
		{ adGroupId: 'G2', itemId: 'MLB3' },
	]);
	await warehouse.staging.upsertMlAdGroupMetrics(azul, [
		{ adGroupId: 'G1', campaignId: 'C1', day: '2026-03-01', cost: '20.00', clicks: 10, impressions: 1000, directAmount: '150.00', indirectAmount: '50.00' },
		{ adGroupId: 'G1', campaignId: 'C1', day: '2026-03-02', cost: '10.00', clicks: 5, impressions: 400, directAmount: '0', indirectAmount: '0' },
		{ adGroupId: 'G2', campaignId: 'C2', day: '2026-03-02', cost: '15.00', clicks: 7, impressions: 900, directAmount: '45.00', indirectAmount: '15.00' },
	]);
	await warehouse.facts.refreshClientFacts(azul, '2026-03-01', '2026-03-03');
	await warehouse.stock.insertSnapshots(azul, [
		{ sku: 'SKU-A', source: 'bling', takenAt: '2026-03-01T00:00:00Z', quantity: 50, unitCost: '40.0000' },
		{ sku: 'SKU-A', source: 'bling', takenAt: '2026-03-03T00:00:00Z', quantity: 30, unitCost: '42.5000' },
		{ sku: 'SKU-A', source: 'upseller', warehouse: 'CD-SP', takenAt: '2026-03-03T00:00:00Z', quantity: 10, unitCost: null },
		{ sku: 'SKU-C', source: 'bling', takenAt: '2026-03-03T00:00:00Z', quantity: 8, unitCost: '12.3456' },
	]);
	await warehouse.finance.upsertDays(azul, [
		{ day: '2026-03-01', receivableDue: '1000.00', received: '800.00', payableDue: '300.00', paid: '300.00', receivableOverdue: '200.00', payableOverdue: '0' },
		{ day: '2026-03-02', receivableDue: '500.50', received: '0', payableDue: '700.25', paid: '100.00', receivableOverdue: '0', payableOverdue: '600.25' },
	]);

	// Loja Verde — the same SKU text "SKU-A", so a leak across clients would show.
	await warehouse.staging.upsertMlItems(verde, [item('MLB9', 'SKU-A')]);
	await warehouse.staging.upsertMlOrders(verde, [order('2001', 'paid', '2026-03-01T12:00:00-03:00', '999.90')], [line('2001', 0, 'MLB9', 10, '99.99', '1.00')]);
	await warehouse.staging.upsertMlVisits(verde, [{ itemId: 'MLB9', day: '2026-03-01', visits: 500 }]);
	await warehouse.staging.upsertMlAdGroupItems(verde, [{ adGroupId: 'G9', itemId: 'MLB9' }]);
	await warehouse.staging.upsertMlAdGroupMetrics(verde, [
		{ adGroupId: 'G9', campaignId: 'C9', day: '2026-03-01', cost: '100.00', clicks: 50, impressions: 5000, directAmount: '100.00', indirectAmount: '0' },
	]);
	await warehouse.facts.refreshClientFacts(verde, '2026-03-01', '2026-03-03');
	await warehouse.stock.insertSnapshots(verde, [{ sku: 'SKU-A', source: 'bling', takenAt: '2026-03-03T00:00:00Z', quantity: 1000, unitCost: '1.0000' }]);
	await warehouse.finance.upsertDays(verde, [
		{ day: '2026-03-01', receivableDue: '5000.00', received: '0', payableDue: '0', paid: '0', receivableOverdue: '5000.00', payableOverdue: '0' },
	]);

	return {
		db,
		warehouse,
		azul,
		verde,
		async close() {
			await warehouse.close();
			await db.drop();
		},
	};
}

/** A connection that runs as the read-only `analytics` role, as Metabase would. Days stay text. */
export async function analyticsConnection(url: string): Promise<Client> {
	const client = new Client({ connectionString: url });
	await client.connect();
	client.setTypeParser(1082, (value: string) => value);
	await client.query('set role analytics');
	return client;
}
