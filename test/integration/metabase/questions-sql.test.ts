// Every dashboard question runs on real PostgreSQL as the read-only `analytics` role, with the
// template tags substituted the way Metabase does, against a warehouse seeded through the staging
// upserts + refreshClientFacts. Expected figures are worked out by hand from seed.ts with the rules
// of docs/metrics.md (sales = paid/partially_refunded; days in America/Sao_Paulo; ratios from sums).
import type { Client } from 'pg';
import { allQuestions, type QuestionDefinition } from '../../../domain/metabase/definitions';
import { renderNativeQuery } from '../../../domain/metabase/native-query';
import { viangDefinitions } from '../../../metabase';
import { analyticsConnection, seededWarehouse, type SeededWarehouse } from './seed';

const questions = new Map(allQuestions(viangDefinitions).map((question) => [question.key, question]));
const asserted = new Set<string>();

let seeded: SeededWarehouse;
let analytics: Client;

interface Filters {
	cliente?: string;
	de?: string;
	ate?: string;
}

async function run(key: string, filters: Filters = {}, figuresChecked = true): Promise<Record<string, unknown>[]> {
	const question = questions.get(key) as QuestionDefinition;
	if (!question) throw new Error(`no question ${key}`);
	if (figuresChecked) asserted.add(key);
	const { text, values } = renderNativeQuery(question.sql, {
		cliente: { type: 'text', value: filters.cliente },
		data_inicial: { type: 'date', value: filters.de },
		data_final: { type: 'date', value: filters.ate },
	});
	const rows = (await analytics.query(text, values)).rows as Record<string, unknown>[];
	// Result columns are exactly the ones the definition formats, in order.
	if (rows.length > 0) expect(Object.keys(rows[0])).toEqual(Object.keys(question.columns));
	return rows;
}

async function scalar(key: string, filters: Filters = {}): Promise<unknown> {
	const rows = await run(key, filters);
	expect(rows).toHaveLength(1);
	return Object.values(rows[0])[0];
}

beforeAll(async () => {
	seeded = await seededWarehouse();
	analytics = await analyticsConnection(seeded.db.url);
});

afterAll(async () => {
	await analytics?.end();
	await seeded?.close();
});

describe('the analytics role', () => {
	it('cannot read raw tables, only the views', async () => {
		await expect(analytics.query('select * from public.ml_orders')).rejects.toThrow(/permission denied/);
		await expect(analytics.query('select * from public.fact_sku_day')).rejects.toThrow(/permission denied/);
		await expect(analytics.query('select * from public.metabase_objects')).rejects.toThrow(/permission denied/);
		expect((await analytics.query('select count(*)::int as n from analytics.v_clients')).rows[0].n).toBe(2);
	});
});

describe('Visão geral', () => {
	it('totals of Loja Azul, all days', async () => {
		const azul = { cliente: seeded.azul };
		expect(await scalar('visao-geral.receita', azul)).toBe('620.00');
		expect(await scalar('visao-geral.pedidos', azul)).toBe('4');
		expect(await scalar('visao-geral.ticket-medio', azul)).toBe('155.00');
		expect(await scalar('visao-geral.unidades', azul)).toBe('13');
		expect(await scalar('visao-geral.acos', azul)).toBe('0.1731'); // 45.00 / 260.00
		expect(await scalar('visao-geral.visitas', azul)).toBe('105');
	});

	it('totals over 2026-03-02..2026-03-03 and without a client filter', async () => {
		const range = { cliente: seeded.azul, de: '2026-03-02', ate: '2026-03-03' };
		expect(await scalar('visao-geral.receita', range)).toBe('270.00');
		expect(await scalar('visao-geral.pedidos', range)).toBe('2');
		expect(await scalar('visao-geral.ticket-medio', range)).toBe('135.00');
		expect(await scalar('visao-geral.unidades', range)).toBe('9');
		expect(await scalar('visao-geral.acos', range)).toBe('0.4167'); // 25.00 / 60.00
		expect(await scalar('visao-geral.visitas', range)).toBe('55');
		expect(await scalar('visao-geral.receita')).toBe('1619.90');
		expect(await scalar('visao-geral.receita', { cliente: seeded.verde })).toBe('999.90');
		// No sales in the period: ticket and ACOS are empty, not zero.
		const empty = { cliente: seeded.azul, de: '2026-04-01', ate: '2026-04-30' };
		expect(await scalar('visao-geral.ticket-medio', empty)).toBeNull();
		expect(await scalar('visao-geral.acos', empty)).toBeNull();
		expect(await scalar('visao-geral.receita', empty)).toBe('0');
	});

	it('per day', async () => {
		const azul = { cliente: seeded.azul };
		expect(await run('visao-geral.vendas-por-dia', azul)).toEqual([
			{ dia: '2026-03-01', receita: '350.00', pedidos: '2' },
			{ dia: '2026-03-02', receita: '90.00', pedidos: '1' },
			{ dia: '2026-03-03', receita: '180.00', pedidos: '1' },
		]);
		expect(await run('visao-geral.visitas-por-dia', azul)).toEqual([
			{ dia: '2026-03-01', visitas: '50' },
			{ dia: '2026-03-02', visitas: '25' },
			{ dia: '2026-03-03', visitas: '30' },
		]);
		expect(await run('visao-geral.resumo-diario', azul)).toEqual([
			{ dia: '2026-03-03', receita: '180.00', pedidos: '1', ticket_medio: '180.00', unidades: '6', pedidos_cancelados: '0', custo_anuncios: '0.00', acos: null, visitas: '30' },
			{ dia: '2026-03-02', receita: '90.00', pedidos: '1', ticket_medio: '90.00', unidades: '3', pedidos_cancelados: '1', custo_anuncios: '25.00', acos: '0.4167', visitas: '25' },
			{ dia: '2026-03-01', receita: '350.00', pedidos: '2', ticket_medio: '175.00', unidades: '4', pedidos_cancelados: '0', custo_anuncios: '20.00', acos: '0.1000', visitas: '50' },
		]);
	});
});

describe('Produtos (SKU)', () => {
	it('ranking by revenue, fallback key marked "sem SKU"', async () => {
		const row = (posicao: string, sku: string, sem_sku: boolean, unidades: string, pedidos: string, receita: string, tarifas: string, liquida: string, visitas: string) => ({
			posicao,
			cliente: 'Loja Azul',
			sku,
			sem_sku,
			unidades,
			pedidos,
			receita,
			tarifas,
			receita_liquida_tarifas: liquida,
			visitas,
		});
		expect(await run('produtos.ranking', { cliente: seeded.azul })).toEqual([
			row('1', 'SKU-A', false, '3', '2', '300.00', '30.00', '270.00', '70'),
			row('2', 'MLB2', true, '3', '2', '150.00', '15.00', '135.00', '10'),
			row('3', 'SKU-C', false, '4', '2', '120.00', '12.00', '108.00', '25'),
			row('4', 'SKU-E', false, '2', '1', '40.00', '4.00', '36.00', '0'),
			row('5', 'SKU-D', false, '1', '1', '10.00', '1.00', '9.00', '0'),
		]);
		// Without the client filter the same SKU text of two clients stays apart.
		const all = await run('produtos.ranking');
		expect(all.filter((r) => r.sku === 'SKU-A').map((r) => [r.cliente, r.posicao, r.receita])).toEqual([
			['Loja Azul', '1', '300.00'],
			['Loja Verde', '1', '999.90'],
		]);
	});

	it('ABC curve: A while the SKUs before sum < 80%, B < 95%, else C', async () => {
		expect((await run('produtos.curva-abc', { cliente: seeded.azul })).map((r) => [r.sku, r.receita, r.participacao, r.participacao_acumulada, r.classe])).toEqual([
			['SKU-A', '300.00', '0.4839', '0.4839', 'A'],
			['MLB2', '150.00', '0.2419', '0.7258', 'A'],
			['SKU-C', '120.00', '0.1935', '0.9194', 'A'],
			['SKU-E', '40.00', '0.0645', '0.9839', 'B'],
			['SKU-D', '10.00', '0.0161', '1.0000', 'C'],
		]);
	});

	it('cancellations and sales without SKU', async () => {
		expect(await run('produtos.cancelamentos', { cliente: seeded.azul })).toEqual([
			{ cliente: 'Loja Azul', sku: 'SKU-A', unidades_canceladas: '1', valor_cancelado: '100.00', unidades_vendidas: '3', taxa_cancelamento: '0.2500' },
		]);
		expect(await run('produtos.cancelamentos', { cliente: seeded.azul, de: '2026-03-03' })).toEqual([]);
		expect(await run('produtos.vendas-sem-sku', { cliente: seeded.azul })).toEqual([
			{ cliente: 'Loja Azul', anuncio: 'MLB2', unidades: '3', pedidos: '2', receita: '150.00' },
		]);
		expect(await run('produtos.vendas-sem-sku', { cliente: seeded.azul, de: '2026-03-02', ate: '2026-03-03' })).toEqual([
			{ cliente: 'Loja Azul', anuncio: 'MLB2', unidades: '2', pedidos: '1', receita: '100.00' },
		]);
		expect(await run('produtos.vendas-sem-sku', { cliente: seeded.verde })).toEqual([]);
	});
});

describe('Anúncios', () => {
	it('totals, ACOS and ROAS', async () => {
		const azul = { cliente: seeded.azul };
		expect(await scalar('anuncios.custo', azul)).toBe('45.00');
		expect(await scalar('anuncios.receita', azul)).toBe('260.00');
		expect(await scalar('anuncios.acos', azul)).toBe('0.1731');
		expect(await scalar('anuncios.roas', azul)).toBe('5.78'); // 260 / 45
		expect(await scalar('anuncios.custo')).toBe('145.00');
		expect(await scalar('anuncios.roas', { cliente: seeded.azul, de: '2026-03-03' })).toBeNull();
	});

	it('per ad group and per day', async () => {
		expect(await run('anuncios.por-grupo', { cliente: seeded.azul })).toEqual([
			{ cliente: 'Loja Azul', grupo: 'G1', campanha: 'C1', sku: 'SKU-A', custo: '30.00', cliques: '15', impressoes: '1400', receita: '200.00', acos: '0.1500', roas: '6.67' },
			{ cliente: 'Loja Azul', grupo: 'G2', campanha: 'C2', sku: null, custo: '15.00', cliques: '7', impressoes: '900', receita: '60.00', acos: '0.2500', roas: '4.00' },
		]);
		expect(await run('anuncios.por-dia', { cliente: seeded.azul })).toEqual([
			{ dia: '2026-03-01', custo: '20.00', receita: '200.00', acos: '0.1000', roas: '10.00' },
			{ dia: '2026-03-02', custo: '25.00', receita: '60.00', acos: '0.4167', roas: '2.40' },
		]);
	});
});

describe('Estoque', () => {
	const window = () => ({ cliente: seeded.azul, de: '2026-03-01', ate: '2026-03-03' });

	it('coverage = balance ÷ average daily sales of the period', async () => {
		// SKU-A 30 + 10 and SKU-C 8 = 48 units; their sales 3 + 4 = 7 in 3 days.
		expect(await scalar('estoque.cobertura-geral', window())).toBe('20.6');
		expect(await run('estoque.cobertura-por-sku', window())).toEqual([
			{ cliente: 'Loja Azul', sku: 'SKU-C', saldo: '8', valor_estoque: '98.76', vendidas_periodo: '4', media_diaria: '1.33', cobertura_dias: '6.0' },
			{ cliente: 'Loja Azul', sku: 'SKU-A', saldo: '40', valor_estoque: '1275.00', vendidas_periodo: '3', media_diaria: '1.00', cobertura_dias: '40.0' },
		]);
	});

	it('latest balance per SKU, source and warehouse', async () => {
		const rows = await run('estoque.saldo-por-deposito', window());
		expect(rows.map(({ atualizado_em, ...rest }) => ({ ...rest, atualizado_em: (atualizado_em as Date).toISOString() }))).toEqual([
			{ cliente: 'Loja Azul', sku: 'SKU-A', origem: 'bling', deposito: '—', saldo: '30', custo_unitario: '42.5000', valor_estoque: '1275.00', cobertura_dias: '30.0', atualizado_em: '2026-03-03T00:00:00.000Z' },
			{ cliente: 'Loja Azul', sku: 'SKU-A', origem: 'upseller', deposito: 'CD-SP', saldo: '10', custo_unitario: null, valor_estoque: null, cobertura_dias: '10.0', atualizado_em: '2026-03-03T00:00:00.000Z' },
			{ cliente: 'Loja Azul', sku: 'SKU-C', origem: 'bling', deposito: '—', saldo: '8', custo_unitario: '12.3456', valor_estoque: '98.76', cobertura_dias: '6.0', atualizado_em: '2026-03-03T00:00:00.000Z' },
		]);
	});

	it('without a start date the window is the 30 days ending on the end date (or today)', async () => {
		const rows = await run('estoque.saldo-por-deposito', { cliente: seeded.azul, ate: '2026-03-03' });
		// 3 units in 30 days = 0.1/day: 30 units last 300 days.
		expect(rows[0].cobertura_dias).toBe('300.0');
		const today = await run('estoque.cobertura-por-sku', { cliente: seeded.azul });
		expect(today.map((r) => r.sku).sort()).toEqual(['SKU-A', 'SKU-C']);
	});
});

describe('Financeiro', () => {
	it('receivable, payable and overdue', async () => {
		const azul = { cliente: seeded.azul };
		expect(await scalar('financeiro.a-receber', azul)).toBe('1500.50');
		expect(await scalar('financeiro.a-pagar', azul)).toBe('1000.25');
		expect(await scalar('financeiro.vencidos-a-receber', azul)).toBe('200.00');
		expect(await scalar('financeiro.vencidos-a-pagar', azul)).toBe('600.25');
		expect(await scalar('financeiro.a-receber', { cliente: seeded.azul, de: '2026-03-02' })).toBe('500.50');
		expect(await scalar('financeiro.a-receber')).toBe('6500.50');
	});

	it('per due day', async () => {
		expect(await run('financeiro.por-dia', { cliente: seeded.azul })).toEqual([
			{ dia: '2026-03-01', a_receber: '1000.00', recebido: '800.00', a_pagar: '300.00', pago: '300.00', vencidos_a_receber: '200.00', vencidos_a_pagar: '0.00', saldo_previsto: '700.00' },
			{ dia: '2026-03-02', a_receber: '500.50', recebido: '0.00', a_pagar: '700.25', pago: '100.00', vencidos_a_receber: '0.00', vencidos_a_pagar: '600.25', saldo_previsto: '-199.75' },
		]);
		expect(await run('financeiro.fluxo-por-dia', { cliente: seeded.azul, ate: '2026-03-01' })).toEqual([
			{ dia: '2026-03-01', a_receber: '1000.00', a_pagar: '300.00' },
		]);
	});
});

describe('every question', () => {
	it('never shows another client’s rows when the client is set, and runs with no filter at all', async () => {
		for (const key of questions.keys()) {
			for (const rows of [await run(key, { cliente: seeded.azul }, false), await run(key, { cliente: seeded.azul, de: '2026-03-01', ate: '2026-03-03' }, false)]) {
				for (const row of rows) if ('cliente' in row) expect(row.cliente).toBe('Loja Azul');
			}
			await run(key, {}, false);
			// A value that is no client id matches nothing (a locked filter cannot be widened).
			for (const row of await run(key, { cliente: "' or true --" }, false)) {
				for (const value of Object.values(row)) expect(value === null || value === '0' || value === 0).toBe(true);
			}
		}
	});

	it('all of them had their figures asserted above', () => {
		expect([...questions.keys()].filter((key) => !asserted.has(key))).toEqual([]);
	});
});
