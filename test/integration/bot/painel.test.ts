// /painel with Metabase configured: a signed embed link locked to the client (domain/metabase).
import { randomBytes } from 'node:crypto';
import { verifyHs256 } from '../../../domain/metabase/jwt';
import { instanceKey, MetabaseObjectStore } from '../../../domain/metabase/object-store';
import { dashboardKey } from '../../../domain/metabase/provision';
import type { Client } from '../../../domain/warehouse/types';
import { STAFF, startBotHarness, type BotHarness } from './harness';

const SITE = 'https://bi.viang.example';
const SECRET = randomBytes(32).toString('hex');
let h: BotHarness;
let client: Client;

beforeAll(async () => {
	h = await startBotHarness({}, { METABASE_SITE_URL: SITE, METABASE_URL: SITE, METABASE_EMBEDDING_SECRET: SECRET });
	client = await h.warehouse.clients.create({ name: 'Loja Painel', email: 'painel@example.com' });
});

afterAll(async () => {
	await h?.close();
});

test('before provisioning, /painel says how to create the dashboard', async () => {
	expect((await h.say(STAFF, '/painel Loja Painel')).text).toMatch(/ainda não existe no Metabase: rode `viang metabase provision`/);
});

test('a signed link whose token locks the client and expires', async () => {
	await new MetabaseObjectStore(h.warehouse.transport, instanceKey(SITE)).put({
		key: dashboardKey('visao-geral'),
		kind: 'dashboard',
		mbId: 7,
		entityId: null,
		checksum: null,
	});
	const reply = await h.say(STAFF, '/painel loja painel');
	expect(reply.text).toMatch(/^📊 Painel de "Loja Painel" — link assinado, só com os dados deste cliente, válido até \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\n/);
	const url = reply.text.split('\n')[1];
	expect(url.startsWith(`${SITE}/embed/dashboard/`)).toBe(true);
	const token = url.slice(`${SITE}/embed/dashboard/`.length).split('#')[0];
	const payload = verifyHs256(token, SECRET);
	expect(payload).toMatchObject({ resource: { dashboard: 7 }, params: { cliente: client.id } });
	expect(h.logs.join('\n')).not.toContain(SECRET);
});
