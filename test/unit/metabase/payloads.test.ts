// Every request body provisioning sends is valid against the OpenAPI subset (the same validator the
// fake server uses), and the validator itself rejects what Metabase rejects.
import { allQuestions } from '../../../domain/metabase/definitions';
import {
	cardPayload,
	checksum,
	collectionPayload,
	dashboardCreatePayload,
	dashboardUpdatePayload,
	databasePayload,
	stableUuid,
} from '../../../domain/metabase/payloads';
import { visualizationSettings } from '../../../domain/metabase/visualization';
import { viangDefinitions } from '../../../metabase';
import { OpenApiRequestValidator } from '../../fakes/metabase';

const validator = new OpenApiRequestValidator();
const none = new URLSearchParams();
const questions = allQuestions(viangDefinitions);
const cardIds = new Map(questions.map((q, i) => [q.key, i + 1]));
const clients = [{ id: '3f2b6c1e-1d2a-4b7c-9e8f-0a1b2c3d4e5f', name: 'Loja Azul' }];

describe('request bodies vs the OpenAPI subset', () => {
	it('database, collection, cards and dashboards validate', () => {
		const connection = { host: 'db.x', port: 5432, dbname: 'postgres', user: 'analytics', password: 'p', ssl: true };
		expect(validator.validate('POST', '/api/database/', none, databasePayload(connection))).toEqual([]);
		expect(validator.validate('POST', '/api/collection/', none, collectionPayload(viangDefinitions.collection))).toEqual([]);
		for (const question of questions) {
			expect(validator.validate('POST', '/api/card/', none, cardPayload(question, 2, 3))).toEqual([]);
			expect(validator.validate('PUT', '/api/card/9', none, { ...cardPayload(question, 2, 3), archived: false })).toEqual([]);
		}
		for (const dashboard of viangDefinitions.dashboards) {
			expect(validator.validate('POST', '/api/dashboard/', none, dashboardCreatePayload(dashboard, 3))).toEqual([]);
			const update = dashboardUpdatePayload(dashboard, 3, cardIds, clients, new Map([[1, 40]]));
			expect(validator.validate('PUT', '/api/dashboard/5', none, update)).toEqual([]);
		}
		expect(validator.validate('PUT', '/api/setting/enable-embedding-static', none, { value: true })).toEqual([]);
		expect(validator.validate('POST', '/api/session/', none, { username: 'a@b.c', password: 'x' })).toEqual([]);
		expect(validator.validate('POST', '/api/database/4/sync_schema', none, undefined)).toEqual([]);
		expect(validator.validate('GET', '/api/collection/', none, undefined)).toEqual([]);
	});

	it('rejects what Metabase rejects', () => {
		const card = cardPayload(questions[0], 2, 3) as unknown as Record<string, unknown>;
		const withoutQuery = { ...card };
		delete withoutQuery.dataset_query;
		expect(validator.validate('POST', '/api/card/', none, withoutQuery).join()).toMatch(/dataset_query: required/);
		const update = dashboardUpdatePayload(viangDefinitions.dashboards[0], 3, cardIds, clients);
		update.dashcards![0].size_x = 0;
		expect(validator.validate('PUT', '/api/dashboard/5', none, update).join()).toMatch(/size_x: less than 1/);
		expect(validator.validate('PUT', '/api/dashboard/0', none, {}).join()).toMatch(/path.id/);
		expect(validator.validate('POST', '/api/dashboard/', none, { name: 'x', dashcards: [] })).toEqual([]); // extra keys are not forbidden
		expect(validator.validate('DELETE', '/api/card/1', none, undefined).join()).toMatch(/not an operation/);
		expect(validator.validate('POST', '/api/collection/', none, { name: '' }).join()).toMatch(/shorter than 1/);
		expect(validator.validate('PUT', '/api/dashboard/5', none, { embedding_params: { cliente: 'secret' } }).join()).toMatch(/one of/);
		expect(validator.validate('GET', '/api/collection/', new URLSearchParams('foo=1'), undefined).join()).toMatch(/unknown/);
	});
});

describe('payload details', () => {
	it('wires every dashcard to the three filters and locks the client in embedding', () => {
		const dashboard = viangDefinitions.dashboards[0];
		const update = dashboardUpdatePayload(dashboard, 3, cardIds, clients);
		expect(update.enable_embedding).toBe(true);
		expect(update.embedding_params).toEqual({ cliente: 'locked', data_inicial: 'enabled', data_final: 'enabled' });
		expect(update.parameters?.find((p) => p.slug === 'cliente')?.values_source_config).toEqual({ values: [[clients[0].id, 'Loja Azul']] });
		for (const dashcard of update.dashcards ?? []) {
			expect(dashcard.id).toBeLessThan(0);
			expect(dashcard.parameter_mappings.map((m) => [m.parameter_id, m.target])).toEqual([
				['cliente', ['variable', ['template-tag', 'cliente']]],
				['data_inicial', ['variable', ['template-tag', 'data_inicial']]],
				['data_final', ['variable', ['template-tag', 'data_final']]],
			]);
		}
		expect(new Set(update.dashcards?.map((d) => d.id)).size).toBe(dashboard.cards.length);
	});

	it('is deterministic: same definitions, same checksum; tag ids are UUID-shaped and stable', () => {
		const a = cardPayload(questions[0], 2, 3);
		const b = cardPayload(questions[0], 2, 3);
		expect(checksum(a)).toBe(checksum(b));
		expect(checksum({ x: 1, y: 2 })).toBe(checksum({ y: 2, x: 1 }));
		expect(checksum(a)).not.toBe(checksum(cardPayload(questions[0], 2, 4)));
		expect(stableUuid('k')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(a.dataset_query.native['template-tags'].cliente.id).toBe(stableUuid(`${questions[0].key}/cliente`));
	});

	it('formats money as BRL with pt-BR separators', () => {
		const settings = visualizationSettings(questions[0]) as { column_settings: Record<string, Record<string, unknown>> };
		expect(settings.column_settings['["name","receita"]']).toMatchObject({
			column_title: 'Receita (R$)',
			number_style: 'currency',
			currency: 'BRL',
			number_separators: ',.',
			decimals: 2,
		});
	});
});
