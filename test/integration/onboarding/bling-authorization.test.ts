// The optional "Conectar Bling" step against a real PostgreSQL (migrated warehouse) and the fake
// Bling: the Bling invite next to the Mercado Livre one, start (signed state, nonce kept encrypted),
// complete (one exchange per state even under a race, Basic auth, tokens encrypted under provider
// bling, Bling account recorded), and every failure storing nothing.
import { randomBytes } from 'node:crypto';
import type { BlingApp } from '../../../domain/bling/config';
import { completeBlingAuthorization, startBlingAuthorization, type BlingFlowContext } from '../../../domain/onboarding/bling-authorization';
import { createOrFindClient } from '../../../domain/onboarding/clients';
import { createInvite } from '../../../domain/onboarding/invites';
import { onboardingKeys } from '../../../domain/onboarding/keys';
import { signState } from '../../../domain/onboarding/state';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeBling } from '../../fakes/bling';
import { createTestDatabase, sql as queryRows, type TestDatabase } from '../../support/database';

const TOKEN_KEY = randomBytes(32).toString('hex');
const APP = { clientId: 'viang-bling-onboarding', clientSecret: 'bling-onboarding-secret' };
const REDIRECT = 'https://n8n.viang.test/webhook/onboarding/bling/callback';
const START = 'https://n8n.viang.test/webhook/onboarding/start';
const BLING_START = 'https://n8n.viang.test/webhook/onboarding/bling/start';
const ACCOUNT = 3301;

describe('onboarding: Conectar Bling (warehouse + fake Bling)', () => {
	const fake = new FakeBling();
	let db: TestDatabase;
	let warehouse: Warehouse;
	let context: BlingFlowContext;

	const sql = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) => queryRows<T>(db.url, text, values);

	async function newClient(name: string) {
		const { client } = await createOrFindClient(warehouse, { name, email: `contato@${name.toLowerCase().replace(/\W/g, '')}.com.br` });
		const invite = await createInvite(warehouse, { clientId: client.id, startUrl: START, blingStartUrl: BLING_START });
		return { client, invite, blingToken: new URL(invite.blingLink!).searchParams.get('convite')! };
	}

	async function start(token: string): Promise<string> {
		const started = await startBlingAuthorization(context, token);
		if (started.outcome !== 'redirect') throw new Error(`start: ${started.outcome}`);
		return started.redirectUrl;
	}

	/** What the browser does on Bling's page: the redirect back, as a query. */
	async function authorize(redirectUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<{ code?: string; state?: string; error?: string }> {
		const url = new URL(redirectUrl);
		const form = new URLSearchParams({ decision, client_id: url.searchParams.get('client_id') ?? '', state: url.searchParams.get('state') ?? '' });
		let response: Response;
		// The fake counts Bling's 3 req/s on these anonymous calls too: wait out a 429.
		for (;;) {
			response =
				decision === 'allow'
					? await fetch(redirectUrl, { redirect: 'manual' })
					: await fetch(fake.authorizeUrl, { method: 'POST', body: form, redirect: 'manual' });
			if (response.status !== 429) break;
			await new Promise((r) => setTimeout(r, 1000));
		}
		return Object.fromEntries(new URL(response.headers.get('location')!).searchParams.entries());
	}

	beforeAll(async () => {
		await fake.start();
		fake.registerApp({ ...APP, redirectUri: REDIRECT });
		fake.addAccount({ id: ACCOUNT, companyName: 'Empresa Bling Ltda', cnpj: '11.222.333/0001-81' });
		db = await createTestDatabase('viang_onboarding_bling');
		await migrate(db.url);
		warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: TOKEN_KEY });
		const app: BlingApp = { ...APP, apiUrl: fake.apiUrl, tokenUrl: fake.tokenUrl, authorizeUrl: fake.authorizeUrl, timeoutMs: 5_000 };
		context = { warehouse, app, keys: onboardingKeys(TOKEN_KEY) };
	});

	afterAll(async () => {
		await warehouse?.close();
		await db?.drop();
		await fake.stop();
	});

	it('creates a Bling invite next to the Mercado Livre one; re-sending revokes both', async () => {
		const { client, invite, blingToken } = await newClient('Loja Dois Links');
		expect(invite.blingLink).toBe(`${BLING_START}?convite=${blingToken}`);
		const rows = await sql<{ provider: string; expires_at: Date }>('select provider, expires_at from public.invites where client_id = $1 order by provider', [client.id]);
		expect(rows.map((r) => r.provider)).toEqual(['bling', 'mercadolivre']);
		expect(Math.abs(rows[0].expires_at.getTime() - rows[1].expires_at.getTime())).toBeLessThan(5_000);
		const again = await createInvite(warehouse, { clientId: client.id, startUrl: START, blingStartUrl: BLING_START });
		expect(again.revokedInviteIds.sort()).toEqual([invite.inviteId, invite.blingInviteId].sort());
		expect(await startBlingAuthorization(context, blingToken)).toMatchObject({ outcome: 'revoked', page: { statusCode: 410 } });
		// Without a Bling start URL there is no Bling invite.
		const plain = await createInvite(warehouse, { clientId: client.id, startUrl: START });
		expect(plain).toMatchObject({ blingInviteId: null, blingLink: null });
	});

	it('starts with a signed state to Bling\'s authorization URL and keeps the nonce encrypted', async () => {
		const { invite, blingToken } = await newClient('Loja Inicio Bling');
		const redirectUrl = await start(blingToken);
		const url = new URL(redirectUrl);
		expect(`${url.origin}${url.pathname}`).toBe(fake.authorizeUrl);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: APP.clientId });
		expect(url.searchParams.get('state')).toMatch(/^v1\./);
		expect(redirectUrl).not.toContain(blingToken);
		expect(redirectUrl).not.toContain(APP.clientSecret);
		const [row] = await sql<{ pkce_verifier_enc: string }>('select pkce_verifier_enc from public.invites where id = $1', [invite.blingInviteId]);
		expect(row.pkce_verifier_enc).toMatch(/^v1:/);
		// The Mercado Livre token is no Bling link, and vice versa the Bling token needs its own start.
		const mlToken = new URL(invite.link).searchParams.get('convite')!;
		expect(await startBlingAuthorization(context, mlToken)).toMatchObject({ outcome: 'invalid' });
		expect(await startBlingAuthorization(context, 'x'.repeat(43))).toMatchObject({ outcome: 'invalid', page: { title: 'Link inválido' } });
	});

	it('connects once under a race: one exchange (Basic auth), tokens encrypted under bling, account recorded', async () => {
		const { client, blingToken } = await newClient('Loja Conecta Bling');
		const query = await authorize(await start(blingToken));
		const tokenCallsBefore = fake.tokenCalls();
		const results = await Promise.all([completeBlingAuthorization(context, query), completeBlingAuthorization(context, query)]);
		// The loser sees "used" or "no longer valid" depending on when it read the invite; never a second exchange.
		expect(results.filter((r) => r.outcome === 'connected')).toHaveLength(1);
		expect(['used', 'session_expired']).toContain(results.find((r) => r.outcome !== 'connected')!.outcome);
		expect(fake.tokenCalls() - tokenCallsBefore).toBe(1);
		const exchange = fake.server.calls(/\/oauth\/token$/).pop()!;
		expect(String(exchange.headers.authorization)).toBe(`Basic ${Buffer.from(`${APP.clientId}:${APP.clientSecret}`).toString('base64')}`);
		const winner = results.find((r) => r.outcome === 'connected')!;
		expect(winner).toMatchObject({
			clientId: client.id,
			clientName: 'Loja Conecta Bling',
			blingAccountId: String(ACCOUNT),
			blingCompanyName: 'Empresa Bling Ltda',
			page: { statusCode: 200, title: 'Bling conectado com sucesso' },
		});
		const stored = await warehouse.vault.getTokens(client.id, 'bling');
		expect(stored).toMatchObject({ accountId: String(ACCOUNT), version: 1, needsReauth: false });
		expect(stored!.accessToken).toMatch(/^bling-at-/);
		expect(fake.isRefreshTokenLive(stored!.refreshToken!)).toBe(true);
		expect(JSON.stringify(results)).not.toContain(stored!.accessToken);
		expect(JSON.stringify(results)).not.toContain(stored!.refreshToken!);
		expect(JSON.stringify(results)).not.toContain(query.code!);
		const [row] = await sql<{ access_token_enc: string; refresh_token_enc: string }>(
			`select access_token_enc, refresh_token_enc from public.provider_credentials where client_id = $1 and provider = 'bling'`,
			[client.id],
		);
		expect(row.access_token_enc).toMatch(/^v1:/);
		expect(row.refresh_token_enc).toMatch(/^v1:/);
		expect(JSON.stringify(row)).not.toContain(stored!.accessToken);
		expect((await warehouse.clients.get(client.id))?.blingAccountId).toBe(String(ACCOUNT));
		// The Bling step does not move the client's (Mercado Livre) lifecycle.
		expect((await warehouse.clients.get(client.id))?.status).toBe('invited');

		// Replays change nothing and call Bling no more: the redirect and the e-mail link say "used".
		const replay = await completeBlingAuthorization(context, query);
		expect(replay).toMatchObject({ outcome: 'used', page: { title: 'Este link do Bling já foi usado' } });
		expect(await startBlingAuthorization(context, blingToken)).toMatchObject({ outcome: 'used' });
		expect(fake.tokenCalls() - tokenCallsBefore).toBe(1);
		expect((await warehouse.vault.getTokens(client.id, 'bling'))?.version).toBe(1);
	});

	it('stores nothing when the seller refuses, and the link still works', async () => {
		const { client, blingToken } = await newClient('Loja Recusa Bling');
		const denied = await completeBlingAuthorization(context, await authorize(await start(blingToken), 'deny'));
		expect(denied).toMatchObject({ outcome: 'denied', clientId: client.id, page: { title: 'A conexão com o Bling não foi autorizada' } });
		expect(await warehouse.clients.credentials(client.id)).toEqual([]);
		expect(await startBlingAuthorization(context, blingToken)).toMatchObject({ outcome: 'redirect' });
	});

	it('a code past its minute: Bling failure page, nothing stored, that state dead, the link usable again', async () => {
		const { client, blingToken } = await newClient('Loja Codigo Expirado');
		const query = await authorize(await start(blingToken));
		fake.clockOffsetMs += 61_000;
		try {
			const failed = await completeBlingAuthorization(context, query);
			expect(failed).toMatchObject({ outcome: 'provider_error', page: { statusCode: 502, title: 'O Bling não concluiu a conexão' } });
			expect(failed.detail).toMatch(/authorize again/);
		} finally {
			fake.clockOffsetMs -= 61_000;
		}
		expect(await warehouse.clients.credentials(client.id)).toEqual([]);
		const calls = fake.tokenCalls();
		// The same redirect again is not sent to Bling (a reused code revokes the account's access).
		expect(await completeBlingAuthorization(context, query)).toMatchObject({ outcome: 'session_expired' });
		expect(fake.tokenCalls()).toBe(calls);
		const retry = await completeBlingAuthorization(context, await authorize(await start(blingToken)));
		expect(retry.outcome).toBe('connected');
		expect(await warehouse.vault.getTokens(client.id, 'bling')).toMatchObject({ accountId: String(ACCOUNT) });
	});

	it('refuses an older tab, a tampered state and a Mercado Livre state, storing nothing', async () => {
		const { client, invite, blingToken } = await newClient('Loja Estado Bling');
		const older = await authorize(await start(blingToken));
		const newer = await authorize(await start(blingToken));
		expect(await completeBlingAuthorization(context, older)).toMatchObject({ outcome: 'session_expired' });
		const [v, payload, mac] = newer.state!.split('.');
		const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), e: Math.floor(Date.now() / 1000) + 86_400 })).toString('base64url');
		for (const state of [`${v}.${forged}.${mac}`, `${v}.${payload}.${'A'.repeat(mac.length)}`, '']) {
			expect(await completeBlingAuthorization(context, { ...newer, state })).toMatchObject({ outcome: 'invalid', page: { title: 'Link inválido' } });
		}
		const mlState = signState({ inviteId: invite.inviteId, expiresAt: new Date(Date.now() + 60_000) }, context.keys.stateKey);
		expect(await completeBlingAuthorization(context, { ...newer, state: mlState })).toMatchObject({ outcome: 'invalid', detail: 'not a Bling invite' });
		const expired = signState({ inviteId: invite.blingInviteId!, expiresAt: new Date(Date.now() - 1000) }, context.keys.stateKey);
		expect(await completeBlingAuthorization(context, { ...newer, state: expired })).toMatchObject({ outcome: 'session_expired' });
		expect(await warehouse.clients.credentials(client.id)).toEqual([]);
		// The newest state still works after all that.
		expect((await completeBlingAuthorization(context, newer)).outcome).toBe('connected');
	});
});
