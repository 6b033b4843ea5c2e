// Which sources a client-etl run loads: names or parts, string or array, unknown names refused,
// and the connected-sources rule.
import { connectionOf, formatEtlSources, overallStatus, parseEtlSources, sourceCounts, UnknownEtlSourceError, type SourceResult } from '../../../domain/client-etl';
import type { CredentialSummary } from '../../../domain/warehouse/types';

const credential = (provider: CredentialSummary['provider'], needsReauth = false): CredentialSummary => ({
	provider,
	expiresAt: new Date(),
	scopes: [],
	accountId: null,
	version: 1,
	needsReauth,
	hasRefreshToken: true,
	lastRefreshedAt: null,
	lastRefreshError: null,
});

describe('parseEtlSources', () => {
	it('empty means every connected source', () => {
		for (const empty of [undefined, null, '', '  ', []]) {
			expect(parseEtlSources(empty)).toMatchObject({ explicit: false, sources: ['mercadolivre', 'bling', 'upseller'] });
		}
		expect(formatEtlSources(parseEtlSources(''))).toBe('');
	});

	it('accepts a comma-separated string or an array, in any case, in source order', () => {
		expect(parseEtlSources('UpSeller, mercadolivre')).toMatchObject({ explicit: true, sources: ['mercadolivre', 'upseller'], mlParts: ['orders', 'items', 'visits', 'ads'], blingParts: [] });
		expect(parseEtlSources(['bling', 'upseller'])).toMatchObject({ sources: ['bling', 'upseller'], mlParts: [], blingParts: ['stock', 'finance'] });
		expect(formatEtlSources(parseEtlSources(['upseller', 'bling', 'ml']))).toBe('mercadolivre,bling,upseller');
	});

	it('accepts Mercado Livre and Bling parts', () => {
		expect(parseEtlSources('orders,ads,bling.finance')).toMatchObject({ sources: ['mercadolivre', 'bling'], mlParts: ['orders', 'ads'], blingParts: ['finance'] });
		expect(formatEtlSources(parseEtlSources('mercadolivre.visits,bling.stock'))).toBe('visits,bling.stock');
	});

	it('refuses unknown names, naming all of them', () => {
		expect(() => parseEtlSources('mercadolivre,shopee,amazon')).toThrow(UnknownEtlSourceError);
		expect(() => parseEtlSources(['bling', 'shopee'])).toThrow(/Unknown source "shopee": use mercadolivre, bling or upseller/);
		expect(() => parseEtlSources('shopee,amazon')).toThrow(/"shopee", "amazon"/);
	});
});

describe('connectionOf', () => {
	it('Mercado Livre always; Bling and UpSeller with usable credentials in the vault', () => {
		expect(connectionOf('mercadolivre', [])).toBe('connected');
		expect(connectionOf('bling', [credential('mercadolivre')])).toBe('not_connected');
		expect(connectionOf('bling', [credential('bling')])).toBe('connected');
		expect(connectionOf('bling', [credential('bling', true)])).toBe('needs_reauth');
		expect(connectionOf('upseller', [credential('upseller')])).toBe('connected');
	});
});

describe('run results', () => {
	const result = (source: SourceResult['source'], status: SourceResult['status']): SourceResult => ({
		source,
		status,
		rows_read: 0,
		rows_written: 0,
		error: status === 'failed' ? 'x' : null,
		details: {},
		run_id: 1,
		duration_ms: 0,
	});

	it('overall status: success, partial, failed, skipped', () => {
		expect(overallStatus([result('mercadolivre', 'success'), result('bling', 'skipped')])).toBe('success');
		expect(overallStatus([result('mercadolivre', 'success'), result('bling', 'failed')])).toBe('partial');
		expect(overallStatus([result('mercadolivre', 'failed'), result('bling', 'skipped')])).toBe('failed');
		expect(overallStatus([result('bling', 'skipped')])).toBe('skipped');
	});

	it('reads rows from each provider summary', () => {
		expect(sourceCounts('mercadolivre', { orders: 3, items: 2, visits: 10, adGroupDays: 1, rowsWritten: 20, factRowsWritten: 5 })).toMatchObject({ rows_read: 16, rows_written: 25 });
		expect(sourceCounts('bling', { products: 4, receivables: 2, payables: 1, rowsWritten: 9, snapshots: 5 })).toMatchObject({ rows_read: 7, rows_written: 9, details: { snapshots: 5 } });
		expect(sourceCounts('upseller', { snapshots: 6, rowsWritten: 6, warehouses: 2 })).toMatchObject({ rows_read: 6, rows_written: 6, details: { warehouses: 2 } });
	});
});
