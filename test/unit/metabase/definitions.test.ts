// Static checks of the dashboards as code: only analytics views, every filter in every question,
// pt-BR titles with BRL formats, a sane grid.
import { allQuestions } from '../../../domain/metabase/definitions';
import { DASHBOARD_FILTERS } from '../../../domain/metabase/filters';
import { templateTagNames } from '../../../domain/metabase/native-query';
import { viangDefinitions } from '../../../metabase';

const questions = allQuestions(viangDefinitions);

describe('metabase definitions', () => {
	it('has the five dashboards, in pt-BR', () => {
		expect(viangDefinitions.dashboards.map((d) => d.name)).toEqual(['Visão geral', 'Produtos (SKU)', 'Anúncios', 'Estoque', 'Financeiro']);
		expect(viangDefinitions.collection.name).toBe('Viang');
	});

	it('keys are unique and shaped for the metabase_objects table', () => {
		const keys = [...viangDefinitions.dashboards.map((d) => `dashboard:${d.key}`), ...questions.map((q) => `card:${q.key}`)];
		expect(new Set(keys).size).toBe(keys.length);
		for (const key of keys) expect(key).toMatch(/^[a-z]+:[a-z0-9._-]+$/);
	});

	it.each(questions.map((q) => [q.key, q] as const))('%s reads only analytics.* views', (_key, question) => {
		const relations = [...question.sql.matchAll(/\b(?:from|join)\s+([a-z_][a-z0-9_.]*)/gi)].map((m) => m[1]);
		expect(relations.length).toBeGreaterThan(0);
		// CTE names are fine; anything schema-qualified must be an analytics view.
		const ctes = new Set([...question.sql.matchAll(/([a-z_]+) as \(/gi)].map((m) => m[1]));
		for (const relation of relations) {
			if (ctes.has(relation)) continue;
			expect(relation).toMatch(/^analytics\.v_[a-z_]+$/);
		}
		expect(question.sql).not.toMatch(/\bpublic\.|\bml_|\bfact_|\bagg_|stock_snapshots|fin_client_day/);
	});

	it.each(questions.map((q) => [q.key, q] as const))('%s uses the client and both date tags, each optional', (_key, question) => {
		expect(templateTagNames(question.sql).sort()).toEqual(DASHBOARD_FILTERS.map((f) => f.slug).sort());
		// Every tag sits inside [[ … ]]: no filter = every client, every day.
		const outside = question.sql.replace(/\[\[(?:(?!\]\]).)*?\]\]/gs, '');
		expect(outside).not.toMatch(/\{\{/);
		// The client tag is always compared with client_id (text).
		expect(question.sql).toMatch(/client_id::text = \{\{cliente\}\}/);
	});

	it.each(questions.map((q) => [q.key, q] as const))('%s has pt-BR column titles and formats', (_key, question) => {
		expect(question.name).not.toBe('');
		expect(Object.keys(question.columns).length).toBeGreaterThan(0);
		for (const [name, column] of Object.entries(question.columns)) {
			expect(name).toMatch(/^[a-z_]+$/);
			if (/receita|custo|valor|tarifas|ticket|a_receber|a_pagar|recebido|pago|vencidos|saldo_previsto/.test(name)) expect(column.format).toBe('brl');
			if (/acos|taxa|participacao/.test(name)) expect(column.format).toBe('percent');
		}
		if (question.chart) {
			for (const column of [question.chart.dimension, ...question.chart.metrics]) expect(question.columns[column]).toBeDefined();
		}
		if (question.display === 'scalar') expect(Object.keys(question.columns)).toHaveLength(1);
	});

	it.each(viangDefinitions.dashboards.map((d) => [d.key, d] as const))('%s lays its cards on the 24-column grid without overlap', (_key, dashboard) => {
		const taken = new Set<string>();
		for (const card of dashboard.cards) {
			expect(card.col + card.sizeX).toBeLessThanOrEqual(24);
			for (let r = card.row; r < card.row + card.sizeY; r++) {
				for (let c = card.col; c < card.col + card.sizeX; c++) {
					expect(taken.has(`${r}:${c}`)).toBe(false);
					taken.add(`${r}:${c}`);
				}
			}
		}
		expect(new Set(dashboard.cards.map((c) => c.question.key)).size).toBe(dashboard.cards.length);
	});
});
