// Token vault on real PostgreSQL: encryption at rest, single-flight refresh (in one process, across
// connection pools and across real processes), invalid_grant → needs_reauth, forced refresh.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TokenCipher, parseTokenKey } from '../../../domain/crypto/token-cipher';
import { NeedsReauthError, openWarehouse, TokenRefreshError, type Warehouse } from '../../../domain/warehouse';
import { findPostgresBinaries } from '../../../domain/warehouse/local-postgres';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './fixtures/fake-token-endpoint';
import { httpRefresher } from './fixtures/http-refresher';
import { migratedWarehouse, type MigratedWarehouse } from './support';

const execFileAsync = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');

let ctx: MigratedWarehouse;
let endpoint: FakeTokenEndpoint;

beforeAll(async () => {
	ctx = await migratedWarehouse();
	endpoint = await startFakeTokenEndpoint(300);
});

afterAll(async () => {
	await endpoint.close();
	await ctx.close();
});

beforeEach(() => {
	endpoint.calls = [];
	endpoint.mode = 'ok';
});

async function clientWithExpiredToken(name: string): Promise<string> {
	const client = await ctx.warehouse.clients.create({ name, email: 'vault@example.com' });
	await ctx.warehouse.vault.storeTokens(client.id, 'mercadolivre', {
		accessToken: 'APP_USR-old-access-0001',
		refreshToken: 'TG-old-refresh-0001',
		expiresAt: new Date(Date.now() - 60_000),
		scopes: ['offline_access', 'read'],
		accountId: '123456',
	});
	await ctx.warehouse.clients.setStatus(client.id, 'authorized');
	await ctx.warehouse.clients.setStatus(client.id, 'backfilling');
	return client.id;
}

function otherWarehouse(): Warehouse {
	return openWarehouse({ databaseUrl: ctx.db.url, cipher: ctx.cipher, poolSize: 2 });
}

describe('single-flight refresh', () => {
	test('20 concurrent requests through 20 separate connection pools cause exactly one refresh', async () => {
		const clientId = await clientWithExpiredToken('Concorrente');
		const warehouses = Array.from({ length: 20 }, otherWarehouse);
		try {
			const refresher = httpRefresher(endpoint.url);
			const tokens = await Promise.all(warehouses.map((w) => w.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher)));
			expect(endpoint.calls).toEqual([{ refreshToken: 'TG-old-refresh-0001' }]);
			expect(new Set(tokens)).toEqual(new Set(['APP_USR-new-access-1']));
			// Nothing lost: the rotated pair is stored, the version moved by one.
			const stored = await ctx.warehouse.vault.getTokens(clientId, 'mercadolivre');
			expect(stored).toMatchObject({ accessToken: 'APP_USR-new-access-1', refreshToken: 'TG-new-refresh-1', version: 2, needsReauth: false });
			expect(stored?.scopes).toEqual(['offline_access', 'read']);
			expect(stored?.accountId).toBe('123456');
		} finally {
			await Promise.all(warehouses.map((w) => w.close()));
		}
	});

	test('20 concurrent requests in one process share one refresh', async () => {
		const clientId = await clientWithExpiredToken('Mesmo processo');
		const refresher = httpRefresher(endpoint.url);
		const tokens = await Promise.all(
			Array.from({ length: 20 }, () => ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher)),
		);
		expect(endpoint.calls).toHaveLength(1);
		expect(new Set(tokens)).toEqual(new Set(['APP_USR-new-access-1']));
	});

	test('20 requests from 4 processes at once cause exactly one refresh', async () => {
		const clientId = await clientWithExpiredToken('Entre processos');
		const worker = join(__dirname, 'fixtures', 'refresh-worker.ts');
		const startAt = String(Date.now() + 4000);
		const outputs = await Promise.all(
			Array.from({ length: 4 }, () =>
				execFileAsync(
					process.execPath,
					['-r', 'ts-node/register/transpile-only', worker, ctx.db.url, ctx.tokenKey, clientId, endpoint.url, '5', startAt],
					{ cwd: ROOT, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
				),
			),
		);
		const tokens = outputs.flatMap((output) => JSON.parse(output.stdout) as string[]);
		expect(tokens).toHaveLength(20);
		expect(endpoint.calls).toHaveLength(1);
		expect(new Set(tokens)).toEqual(new Set(['APP_USR-new-access-1']));
		expect((await ctx.warehouse.vault.getTokens(clientId, 'mercadolivre'))?.refreshToken).toBe('TG-new-refresh-1');
	});

	test('a valid token is returned without refreshing; a forced refresh replaces only the rejected token', async () => {
		const clientId = await clientWithExpiredToken('Forçado');
		const refresher = httpRefresher(endpoint.url);
		const first = await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher);
		expect(await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher)).toBe(first);
		expect(endpoint.calls).toHaveLength(1);
		// Someone else already replaced the rejected token: no new refresh.
		expect(
			await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher, {
				forceRefresh: true,
				rejectedAccessToken: 'APP_USR-some-older-token',
			}),
		).toBe(first);
		expect(endpoint.calls).toHaveLength(1);
		// The current token was rejected (401): five callers at once, one refresh.
		const warehouses = Array.from({ length: 5 }, otherWarehouse);
		const forced = await Promise.all(
			warehouses.map((w) =>
				w.vault.getFreshAccessToken(clientId, 'mercadolivre', refresher, { forceRefresh: true, rejectedAccessToken: first }),
			),
		);
		await Promise.all(warehouses.map((w) => w.close()));
		expect(endpoint.calls).toHaveLength(2);
		expect(new Set(forced)).toEqual(new Set(['APP_USR-new-access-2']));
	});

	test('a lease left by a crashed process expires and another caller takes over', async () => {
		const clientId = await clientWithExpiredToken('Lease abandonado');
		const [{ version }] = await ctx.sql<{ version: string }>(
			`select version from provider_credentials where client_id = $1`,
			[clientId],
		);
		const claimed = await ctx.warehouse.transport.rpc<{ claimed: boolean }>('wh_credentials_claim_refresh', {
			p_client_id: clientId,
			p_provider: 'mercadolivre',
			p_expected_version: Number(version),
			p_owner: 'crashed-process',
			p_lease_seconds: 1,
		});
		expect(claimed[0].claimed).toBe(true);
		const token = await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url));
		expect(token).toBe('APP_USR-new-access-1');
		expect(endpoint.calls).toHaveLength(1);
	});
});

describe('refresh failures', () => {
	test('invalid_grant marks the client needs_reauth, once, for every waiting caller', async () => {
		const clientId = await clientWithExpiredToken('Sem acesso');
		endpoint.mode = 'invalid_grant';
		const warehouses = Array.from({ length: 5 }, otherWarehouse);
		try {
			const results = await Promise.allSettled(
				warehouses.map((w) => w.vault.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url))),
			);
			expect(endpoint.calls).toHaveLength(1);
			for (const result of results) {
				expect(result.status).toBe('rejected');
				expect((result as PromiseRejectedResult).reason).toBeInstanceOf(NeedsReauthError);
			}
		} finally {
			await Promise.all(warehouses.map((w) => w.close()));
		}
		expect((await ctx.warehouse.clients.get(clientId))?.status).toBe('needs_reauth');
		const history = await ctx.warehouse.clients.statusHistory(clientId);
		expect(history.map((change) => change.toStatus)).toEqual(['invited', 'authorized', 'backfilling', 'needs_reauth']);
		expect(history.at(-1)).toMatchObject({ fromStatus: 'backfilling', toStatus: 'needs_reauth' });
		// The stored error says why, without the refresh token.
		const [credential] = await ctx.warehouse.clients.credentials(clientId);
		expect(credential.needsReauth).toBe(true);
		expect(credential.lastRefreshError).toContain('invalid');
		expect(credential.lastRefreshError).not.toContain('TG-old-refresh-0001');
		// Asking again does not call the provider.
		await expect(ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url))).rejects.toBeInstanceOf(
			NeedsReauthError,
		);
		expect(endpoint.calls).toHaveLength(1);
		// Authorizing again (new pair stored) clears the flag.
		await ctx.warehouse.vault.storeTokens(clientId, 'mercadolivre', {
			accessToken: 'APP_USR-reauthorized',
			refreshToken: 'TG-reauthorized',
			expiresAt: new Date(Date.now() + 3600_000),
		});
		await ctx.warehouse.clients.setStatus(clientId, 'authorized', 'reautorizado');
		expect(await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url))).toBe('APP_USR-reauthorized');
	});

	test('other failures release the lease, keep the pair and never echo the token', async () => {
		const clientId = await clientWithExpiredToken('Falha temporária');
		endpoint.mode = 'server_error';
		const error = await ctx.warehouse.vault
			.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url))
			.catch((caught: Error) => caught);
		expect(error).toBeInstanceOf(TokenRefreshError);
		expect((error as Error).message).toContain('500');
		expect((error as Error).message).not.toContain('TG-old-refresh-0001');
		endpoint.mode = 'ok';
		expect(await ctx.warehouse.vault.getFreshAccessToken(clientId, 'mercadolivre', httpRefresher(endpoint.url))).toBe('APP_USR-new-access-2');
		expect(endpoint.calls.map((call) => call.refreshToken)).toEqual(['TG-old-refresh-0001', 'TG-old-refresh-0001']);
	});
});

describe('encryption at rest', () => {
	test('a dump of the database shows no token in clear', async () => {
		const client = await ctx.warehouse.clients.create({
			name: 'Dump',
			email: 'dump@example.com',
			mlUserId: '998877',
			mlRefreshToken: 'TG-imported-refresh-token-xyz',
		});
		await ctx.warehouse.vault.storeTokens(client.id, 'bling', {
			accessToken: 'bling-access-token-in-clear?',
			refreshToken: 'bling-refresh-token-in-clear?',
			expiresAt: new Date(Date.now() + 3600_000),
		});
		await ctx.warehouse.invites.create(client.id, { pkceVerifier: 'pkce-verifier-in-clear?' });
		const pgDump = join(findPostgresBinaries(), 'pg_dump');
		const dump = spawnSync(pgDump, ['--data-only', ctx.db.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		expect(dump.status).toBe(0);
		expect(dump.stdout).toContain('provider_credentials');
		for (const secret of [
			'TG-imported-refresh-token-xyz',
			'bling-access-token-in-clear?',
			'bling-refresh-token-in-clear?',
			'pkce-verifier-in-clear?',
			'APP_USR-new-access-1',
			'TG-new-refresh-1',
		]) {
			expect(dump.stdout).not.toContain(secret);
		}
		expect(dump.stdout).toMatch(/v1:[0-9a-f]{8}:/);
	});

	test('an imported refresh token is stored with an expiry in the past, so the first use refreshes', async () => {
		const client = await ctx.warehouse.clients.findByIdOrName('Dump');
		const token = await ctx.warehouse.vault.getFreshAccessToken(client!.id, 'mercadolivre', httpRefresher(endpoint.url));
		expect(token).toBe('APP_USR-new-access-1');
		expect(endpoint.calls).toEqual([{ refreshToken: 'TG-imported-refresh-token-xyz' }]);
	});
});

describe('key rotation', () => {
	async function keyIdsInDatabase(): Promise<string[]> {
		const rows = await ctx.sql<{ key_id: string }>(
			`select distinct split_part(c, ':', 2) as key_id from (
				select access_token_enc as c from provider_credentials union all
				select refresh_token_enc from provider_credentials union all
				select pkce_verifier_enc from invites
			) s where c is not null order by 1`,
		);
		return rows.map((row) => row.key_id);
	}

	test('re-encrypts every stored secret with the new key, reading old ones by key id', async () => {
		const oldKey = parseTokenKey(ctx.tokenKey);
		// The new key given as base64 (the old one is hex): both forms are accepted.
		const newKeyText = Buffer.from(oldKey.key.map((byte) => byte ^ 0xff)).toString('base64');
		const newKey = parseTokenKey(newKeyText);
		const client = await ctx.warehouse.clients.create({ name: 'Rotação', email: 'rot@example.com' });
		await ctx.warehouse.vault.storeTokens(client.id, 'upseller', {
			accessToken: 'upseller-access',
			refreshToken: null,
			expiresAt: new Date(Date.now() + 3600_000),
		});
		const invite = await ctx.warehouse.invites.create(client.id, { pkceVerifier: 'verifier-before-rotation' });
		const secrets = await ctx.warehouse.transport.rpc('wh_secrets_list');
		expect(await keyIdsInDatabase()).toEqual([oldKey.id]);

		// A key nobody knows: the run fails before writing anything.
		const stranger = openWarehouse({ databaseUrl: ctx.db.url, cipher: new TokenCipher(parseTokenKey('ab'.repeat(32))) });
		await expect(stranger.tokens.rotateKey()).rejects.toThrow(/VIANG_TOKEN_KEY_PREVIOUS/);
		await stranger.close();
		expect(await keyIdsInDatabase()).toEqual([oldKey.id]);

		const rotating = openWarehouse({ databaseUrl: ctx.db.url, env: { VIANG_TOKEN_KEY: newKeyText, VIANG_TOKEN_KEY_PREVIOUS: ` ${ctx.tokenKey} ` } });
		try {
			expect((await rotating.vault.getTokens(client.id, 'upseller'))?.accessToken).toBe('upseller-access');
			const result = await rotating.tokens.rotateKey();
			expect(result).toEqual({ checked: secrets.length, rotated: secrets.length, alreadyCurrent: 0, skipped: 0, keyId: newKey.id });
			expect(await keyIdsInDatabase()).toEqual([newKey.id]);
			// Safe to re-run.
			expect(await rotating.tokens.rotateKey()).toMatchObject({ rotated: 0, alreadyCurrent: secrets.length });
		} finally {
			await rotating.close();
		}

		const newOnly = openWarehouse({ databaseUrl: ctx.db.url, cipher: new TokenCipher(newKey) });
		const oldOnly = openWarehouse({ databaseUrl: ctx.db.url, cipher: new TokenCipher(oldKey) });
		try {
			expect((await newOnly.vault.getTokens(client.id, 'upseller'))?.accessToken).toBe('upseller-access');
			expect((await newOnly.invites.consume(invite.token)).pkceVerifier).toBe('verifier-before-rotation');
			await expect(oldOnly.vault.getTokens(client.id, 'upseller')).rejects.toThrow(new RegExp(newKey.id));
		} finally {
			await newOnly.close();
			await oldOnly.close();
		}
	});
});
