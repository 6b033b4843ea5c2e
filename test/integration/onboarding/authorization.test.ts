// The onboarding steps against a real PostgreSQL (migrated warehouse) and the fake Mercado Livre:
// invites (hashed, revoked on re-send), start (PKCE verifier kept encrypted, signed state),
// complete (single use under concurrency, account checks, nothing stored on failures).
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { completeAuthorization, startAuthorization, type FlowContext } from '../../../domain/onboarding/authorization';
import { createOrFindClient } from '../../../domain/onboarding/clients';
import { createInvite } from '../../../domain/onboarding/invites';
import { onboardingKeys } from '../../../domain/onboarding/keys';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeMercadoLivre } from '../../fakes/mercadolivre';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const TOKEN_KEY = randomBytes(32).toString('hex');
const APP = { clientId: '6161616161', clientSecret: 'fake-secret-onboarding' };
const REDIRECT = 'https://n8n.viang.test/webhook/onboarding/callback';
const START = 'https://n8n.viang.test/webhook/onboarding/start';

describe('onboarding authorization (warehouse + fake Mercado Livre)', () => {
	const fake = new FakeMercadoLivre();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let context: FlowContext;

	/** What the seller's browser does on Mercado Livre's page: the redirect back, as a query. */
	async function authorize(redirectUrl: string, decision: 'allow' | 'deny', userId: number): Promise<{ code?: string; state?: string; error?: string }> {
		fake.loggedInUserId = userId;
		const url = new URL(redirectUrl);
		const form = new URLSearchParams({ decision });
		for (const name of ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']) form.set(name, url.searchParams.get(name) ?? '');
		const response = await fetch(`${fake.url}/authorization`, { method: 'POST', body: form, redirect: 'manual' });
		const back = new URL(response.headers.get('location')!);
		return Object.fromEntries(back.searchParams.entries());
	}

	async function newClientWithInvite(name: string) {
		const { client } = await createOrFindClient(warehouse, { name, email: `contato@${name.toLowerCase().replace(/\W/g, '')}.com.br` });
		const invite = await createInvite(warehouse, { clientId: client.id, startUrl: START });
		return { client, invite, token: new URL(invite.link).searchParams.get('convite')! };
	}

	async function start(token: string) {
		const started = await startAuthorization(context, token);
		if (started.outcome !== 'redirect') throw new Error(`start: ${started.outcome}`);
		return started;
	}

	beforeAll(async () => {
		await fake.start();
		fake.registerApp({ ...APP, redirectUri: REDIRECT });
		fake.seedSeller({ userId: 9001, nickname: 'LOJA_UM', orders: 2, items: 1, days: 2, seed: 1 });
		fake.seedSeller({ userId: 9002, nickname: 'LOJA_DOIS', orders: 2, items: 1, days: 2, seed: 2 });
		db = await createTestDatabase('viang_onboarding');
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		context = { warehouse, app: { ...APP, apiUrl: fake.url, authUrl: fake.authUrl }, keys: onboardingKeys(TOKEN_KEY), redirectUri: REDIRECT };
	});

	afterAll(async () => {
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('creates or finds clients, refusing a same-name client with another CNPJ', async () => {
		const created = await createOrFindClient(warehouse, { name: 'Loja Achada', email: 'a@achada.com.br', document: '11.222.333/0001-81' });
		expect(created.created).toBe(true);
		const found = await createOrFindClient(warehouse, { name: 'loja achada', email: 'a@achada.com.br', document: '11222333000181' });
		expect(found).toMatchObject({ created: false, client: { id: created.client.id } });
		expect((await createOrFindClient(warehouse, { clientId: created.client.id })).client.id).toBe(created.client.id);
		await expect(createOrFindClient(warehouse, { name: 'Loja Achada', email: 'b@achada.com.br', document: '11444777000161' })).rejects.toThrow(/Já existe/);
		await expect(createOrFindClient(warehouse, { name: 'X', email: 'x@x.com.br', document: '123' })).rejects.toThrow(/CPF\/CNPJ inválido/);
	});

	it('re-sending an invite revokes the open links of the client', async () => {
		const { client, token } = await newClientWithInvite('Loja Reenvio');
		const second = await createInvite(warehouse, { clientId: client.id, startUrl: START });
		expect(second.revokedInviteIds).toHaveLength(1);
		expect((await warehouse.invites.inspect(token))?.state).toBe('revoked');
		expect(await startAuthorization(context, token)).toMatchObject({ outcome: 'revoked', page: { statusCode: 410 } });
	});

	it('starts with a signed state and an S256 challenge, keeping the verifier encrypted', async () => {
		const { invite, token } = await newClientWithInvite('Loja Inicio');
		const started = await start(token);
		const url = new URL(started.redirectUrl);
		expect(`${url.origin}${url.pathname}`).toBe(`${fake.authUrl}/authorization`);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({ client_id: APP.clientId, redirect_uri: REDIRECT, code_challenge_method: 'S256' });
		expect(url.searchParams.get('state')).toMatch(/^v1\./);
		expect(started.redirectUrl).not.toContain(token);
		const pg = new PgClient({ connectionString: db.url });
		await pg.connect();
		const { rows } = await pg.query('select pkce_verifier_enc from public.invites where id = $1', [invite.inviteId]);
		await pg.end();
		expect(rows[0].pkce_verifier_enc).toMatch(/^v1:/);
	});

	it('completes once: stores the tokens encrypted, binds the account, marks the client authorized; a race loses with "used"', async () => {
		const { client, token } = await newClientWithInvite('Loja Corrida');
		const started = await start(token);
		const [a, b] = [await authorize(started.redirectUrl, 'allow', 9001), await authorize(started.redirectUrl, 'allow', 9001)];
		const results = await Promise.all([completeAuthorization(context, a), completeAuthorization(context, b)]);
		expect(results.map((r) => r.outcome).sort()).toEqual(['authorized', 'used']);
		const winner = results.find((r) => r.outcome === 'authorized')!;
		expect(winner).toMatchObject({ clientId: client.id, mlUserId: '9001', nickname: 'LOJA_UM', page: { statusCode: 200 } });
		expect(JSON.stringify(results)).not.toMatch(/APP_USR-|TG-[0-9a-f]{24}/);
		const stored = await warehouse.vault.getTokens(client.id, 'mercadolivre');
		expect(stored).toMatchObject({ accountId: '9001', version: 1 });
		expect((await warehouse.clients.get(client.id))).toMatchObject({ status: 'authorized', mlUserId: '9001' });
	});

	it('keeps the invite usable after a refusal and after a Mercado Livre failure', async () => {
		const { client, token } = await newClientWithInvite('Loja Tenta');
		const started = await start(token);
		const denied = await completeAuthorization(context, await authorize(started.redirectUrl, 'deny', 9002));
		expect(denied).toMatchObject({ outcome: 'denied', clientId: client.id });
		const query = await authorize(started.redirectUrl, 'allow', 9002);
		const broken = await completeAuthorization({ ...context, app: { ...context.app, clientSecret: 'wrong' } }, query);
		expect(broken).toMatchObject({ outcome: 'provider_error', page: { statusCode: 502 } });
		expect(await warehouse.clients.credentials(client.id)).toEqual([]);
		expect((await warehouse.invites.inspect(token))?.state).toBe('valid');
		const retry = await completeAuthorization(context, await authorize((await start(token)).redirectUrl, 'allow', 9002));
		expect(retry.outcome).toBe('authorized');
	});

	it('refuses an account that belongs to another client, storing nothing', async () => {
		const { client, token } = await newClientWithInvite('Loja Terceira');
		const started = await start(token);
		const result = await completeAuthorization(context, await authorize(started.redirectUrl, 'allow', 9001));
		expect(result).toMatchObject({ outcome: 'account_mismatch', nickname: 'LOJA_UM', mlUserId: '9001' });
		expect(result.otherClientId).toBeTruthy();
		expect(await warehouse.clients.credentials(client.id)).toEqual([]);
		expect((await warehouse.clients.get(client.id))?.status).toBe('invited');
		expect((await warehouse.invites.inspect(token))?.state).toBe('valid');
	});

	it('answers "invalid" for a missing or unknown token and for a callback without state', async () => {
		expect((await startAuthorization(context, undefined)).outcome).toBe('invalid');
		expect((await startAuthorization(context, randomBytes(32).toString('base64url'))).outcome).toBe('invalid');
		expect((await completeAuthorization(context, { code: 'x' })).outcome).toBe('invalid');
	});
});
