// Clients (validation, lookup, lifecycle) and onboarding invites on real PostgreSQL.
import {
	ClientNotFoundError,
	DuplicateClientError,
	hashInviteToken,
	InvalidStatusTransitionError,
	InviteError,
} from '../../../domain/warehouse';
import { ValidationError } from '../../../domain/validation';
import { migratedWarehouse, type MigratedWarehouse } from './support';

let ctx: MigratedWarehouse;

beforeAll(async () => {
	ctx = await migratedWarehouse();
});

afterAll(async () => {
	await ctx.close();
});

describe('clients', () => {
	test('create normalises and validates; find by id or name (any case); list', async () => {
		const client = await ctx.warehouse.clients.create({
			name: '  Loja Azul ',
			email: ' Contato@LojaAzul.com.br ',
			document: '11.222.333/0001-81',
			mlUserId: '123456789',
		});
		expect(client).toMatchObject({
			name: 'Loja Azul',
			contactEmail: 'contato@lojaazul.com.br',
			document: '11222333000181',
			documentType: 'cnpj',
			mlUserId: '123456789',
			status: 'invited',
		});
		expect((await ctx.warehouse.clients.findByIdOrName('loja azul'))?.id).toBe(client.id);
		expect((await ctx.warehouse.clients.findByIdOrName(client.id))?.name).toBe('Loja Azul');
		expect(await ctx.warehouse.clients.findByIdOrName('Loja Verde')).toBeNull();
		expect(await ctx.warehouse.clients.get('not-a-uuid')).toBeNull();
		await expect(ctx.warehouse.clients.require('Loja Verde')).rejects.toBeInstanceOf(ClientNotFoundError);
		expect((await ctx.warehouse.clients.list()).map((c) => c.name)).toContain('Loja Azul');
	});

	test('bad input is rejected before anything is written', async () => {
		const before = (await ctx.warehouse.clients.list()).length;
		await expect(ctx.warehouse.clients.create({ name: 'X', email: 'not-an-email' })).rejects.toThrow(/E-mail inválido/);
		await expect(ctx.warehouse.clients.create({ name: 'X', email: 'x@example.com', document: '111.444.777-36' })).rejects.toBeInstanceOf(
			ValidationError,
		);
		await expect(ctx.warehouse.clients.create({ name: '', email: 'x@example.com' })).rejects.toThrow(/nome/);
		await expect(ctx.warehouse.clients.create({ name: 'X', email: 'x@example.com', mlUserId: 'abc' })).rejects.toThrow(/Mercado Livre/);
		await expect(ctx.warehouse.clients.create({ name: 'LOJA AZUL', email: 'y@example.com' })).rejects.toBeInstanceOf(DuplicateClientError);
		await expect(ctx.warehouse.clients.create({ name: 'Outra', email: 'y@example.com', mlUserId: '123456789' })).rejects.toThrow(
			/ID do Mercado Livre/,
		);
		expect((await ctx.warehouse.clients.list()).length).toBe(before);
	});

	test('lifecycle invited → authorized → backfilling → ready, each change recorded with its time', async () => {
		const client = await ctx.warehouse.clients.create({ name: 'Ciclo', email: 'ciclo@example.com', document: '529.982.247-25' });
		expect(client.documentType).toBe('cpf');
		await expect(ctx.warehouse.clients.setStatus(client.id, 'ready')).rejects.toBeInstanceOf(InvalidStatusTransitionError);
		for (const status of ['authorized', 'backfilling', 'ready', 'needs_reauth', 'authorized', 'disabled'] as const) {
			const updated = await ctx.warehouse.clients.setStatus(client.id, status, `para ${status}`);
			expect(updated.status).toBe(status);
		}
		const history = await ctx.warehouse.clients.statusHistory(client.id);
		expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
			[null, 'invited'],
			['invited', 'authorized'],
			['authorized', 'backfilling'],
			['backfilling', 'ready'],
			['ready', 'needs_reauth'],
			['needs_reauth', 'authorized'],
			['authorized', 'disabled'],
		]);
		for (let i = 1; i < history.length; i++) expect(history[i].changedAt.getTime()).toBeGreaterThanOrEqual(history[i - 1].changedAt.getTime());
		// Same status again is a no-op, not a new change.
		await ctx.warehouse.clients.setStatus(client.id, 'disabled');
		expect(await ctx.warehouse.clients.statusHistory(client.id)).toHaveLength(history.length);
		await expect(ctx.warehouse.clients.setStatus('00000000-0000-0000-0000-000000000000', 'ready')).rejects.toBeInstanceOf(
			ClientNotFoundError,
		);
	});

	test('marking needs_reauth moves an active client, leaves a disabled one alone', async () => {
		const active = await ctx.warehouse.clients.create({ name: 'Ativo', email: 'a@example.com' });
		await ctx.warehouse.vault.storeTokens(active.id, 'bling', { accessToken: 'a', refreshToken: 'r', expiresAt: new Date(Date.now() + 1e6) });
		await ctx.warehouse.clients.setStatus(active.id, 'authorized');
		await ctx.warehouse.vault.markNeedsReauth(active.id, 'bling', 'revogado no Bling');
		expect((await ctx.warehouse.clients.get(active.id))?.status).toBe('needs_reauth');
		expect((await ctx.warehouse.clients.credentials(active.id))[0]).toMatchObject({ provider: 'bling', needsReauth: true });
	});
});

describe('invites', () => {
	test('only the hash of the token is stored; consume works once; PKCE verifier encrypted', async () => {
		const client = await ctx.warehouse.clients.create({ name: 'Convidado', email: 'c@example.com' });
		const invite = await ctx.warehouse.invites.create(client.id, { ttlSeconds: 3600, createdBy: 'staff:ana' });
		expect(invite.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const stored = await ctx.sql<{ token_hash: string; pkce_verifier_enc: string | null }>('select token_hash, pkce_verifier_enc from invites where id = $1', [invite.id]);
		expect(stored).toEqual([{ token_hash: hashInviteToken(invite.token), pkce_verifier_enc: null }]);
		expect(await ctx.warehouse.invites.inspect(invite.token)).toMatchObject({ id: invite.id, clientId: client.id, state: 'valid', provider: 'mercadolivre' });

		expect(await ctx.warehouse.invites.setPkceVerifier(invite.token, 'verifier-123')).toBe(true);
		const [{ pkce_verifier_enc }] = await ctx.sql<{ pkce_verifier_enc: string }>('select pkce_verifier_enc from invites where id = $1', [invite.id]);
		expect(pkce_verifier_enc).toMatch(/^v1:/);
		expect(pkce_verifier_enc).not.toContain('verifier-123');

		const results = await Promise.allSettled(Array.from({ length: 5 }, () => ctx.warehouse.invites.consume(invite.token)));
		const fulfilled = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ pkceVerifier: string | null; clientId: string }>[];
		expect(fulfilled).toHaveLength(1);
		expect(fulfilled[0].value).toMatchObject({ clientId: client.id, pkceVerifier: 'verifier-123' });
		for (const r of results.filter((r) => r.status === 'rejected')) {
			expect((r as PromiseRejectedResult).reason).toMatchObject({ state: 'used' });
		}
		expect((await ctx.warehouse.invites.inspect(invite.token))?.state).toBe('used');
		expect(await ctx.warehouse.invites.setPkceVerifier(invite.token, 'late')).toBe(false);
	});

	test('expired, revoked and unknown invites are refused with the reason', async () => {
		const client = await ctx.warehouse.clients.create({ name: 'Expirado', email: 'e@example.com' });
		const expired = await ctx.warehouse.invites.create(client.id, { ttlSeconds: 1 });
		await ctx.sql(`update invites set created_at = now() - interval '1 hour', expires_at = now() - interval '1 minute' where id = $1`, [expired.id]);
		await expect(ctx.warehouse.invites.consume(expired.token)).rejects.toMatchObject({ state: 'expired', message: 'Este convite expirou' });

		const revoked = await ctx.warehouse.invites.create(client.id);
		expect(await ctx.warehouse.invites.revoke(revoked.id)).toBe(true);
		expect(await ctx.warehouse.invites.revoke(revoked.id)).toBe(false);
		await expect(ctx.warehouse.invites.consume(revoked.token)).rejects.toMatchObject({ state: 'revoked' });

		await expect(ctx.warehouse.invites.consume('no-such-token')).rejects.toBeInstanceOf(InviteError);
		expect(await ctx.warehouse.invites.inspect('no-such-token')).toBeNull();
		await expect(ctx.warehouse.invites.create('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(ClientNotFoundError);
	});
});
