// The reprocess webhook's input check: clear pt-BR refusals, nothing accepted that client-etl
// could not run, and the client found by id or name.
import { randomBytes } from 'node:crypto';
import { addDays, todaySp } from '../../../domain/mercadolivre/time';
import { checkReprocessRequest } from '../../../domain/nightly';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { makeReady } from './helpers';

describe('checkReprocessRequest', () => {
	let db: TestDatabase;
	let warehouse: Warehouse;
	let readyId: string;
	const today = todaySp();

	beforeAll(async () => {
		db = await createTestDatabase();
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: randomBytes(32).toString('hex') });
		readyId = (await warehouse.clients.create({ name: 'Loja Pronta', email: 'a@example.com', mlRefreshToken: 'TG-x-1', mlUserId: '1' })).id;
		await makeReady(warehouse, readyId);
		await warehouse.clients.create({ name: 'Loja Convidada', email: 'b@example.com' });
	});
	afterAll(async () => {
		await warehouse?.close();
		await db?.drop();
	});

	const check = (body: unknown) => checkReprocessRequest(body, warehouse.clients);

	it('accepts the bot request, by id or by name, as a full run to today', async () => {
		const start = addDays(today, -10);
		await expect(check({ clientId: readyId, dataInicio: start, requestedBy: 'telegram:42' })).resolves.toEqual({
			valid: true,
			job: { client_id: readyId, client_name: 'Loja Pronta', data_inicio: start, data_fim: today, mode: 'full', sources: '', requested_by: 'telegram:42', wait: false },
		});
		const byName = await check({ clientId: 'loja pronta', dataInicio: start, requestedBy: 'x', sources: 'orders,ads', mode: 'incremental', wait: true });
		expect(byName).toMatchObject({ valid: true, job: { client_id: readyId, sources: 'orders,ads', mode: 'incremental', wait: true } });
		// Sources as a list or an array, normalized for client-etl ('' = every connected source).
		const listed = await check({ clientId: readyId, dataInicio: start, requestedBy: 'x', sources: ['UpSeller', 'mercadolivre', 'bling.stock'] });
		expect(listed).toMatchObject({ valid: true, job: { sources: 'mercadolivre,bling.stock,upseller' } });
	});

	it.each([
		[null, 'Corpo inválido'],
		[{ dataInicio: '2026-01-01', requestedBy: 'x' }, 'Informe o cliente (clientId).'],
		[{ clientId: 'Loja Pronta', requestedBy: 'x' }, 'Informe a data de início (dataInicio)'],
		[{ clientId: 'Loja Pronta', dataInicio: '01/08/2026', requestedBy: 'x' }, 'Data de início inválida: "01/08/2026". Use o formato AAAA-MM-DD'],
		[{ clientId: 'Loja Pronta', dataInicio: '2026-02-30', requestedBy: 'x' }, 'Data de início inválida'],
		[{ clientId: 'Loja Pronta', dataInicio: '2999-01-01', requestedBy: 'x' }, 'está no futuro'],
		[{ clientId: 'Loja Pronta', dataInicio: '2001-01-01', requestedBy: 'x' }, 'antiga demais'],
		[{ clientId: 'Loja Pronta', dataInicio: '2026-01-01', dataFim: '2025-12-01', requestedBy: 'x' }, 'anterior à data de início'],
		[{ clientId: 'Loja Pronta', dataInicio: '2026-01-01', requestedBy: 'x', sources: 'bling,shopee' }, 'Fontes inválidas: "bling,shopee"'],
		[{ clientId: 'Loja Pronta', dataInicio: '2026-01-01' }, 'Informe quem pediu'],
		[{ clientId: 'Loja Fantasma', dataInicio: '2026-01-01', requestedBy: 'x' }, 'Cliente não encontrado: "Loja Fantasma".'],
		[{ clientId: 'Loja Convidada', dataInicio: '2026-01-01', requestedBy: 'x' }, 'O cliente Loja Convidada ainda não autorizou o Mercado Livre'],
	])('refuses %j', async (body, message) => {
		const result = await check(body);
		expect(result.valid).toBe(false);
		if (!result.valid) {
			expect(result.status).toBe(400);
			expect(result.error).toContain(message);
		}
	});
});
