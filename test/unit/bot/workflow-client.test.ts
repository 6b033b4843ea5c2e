import { WorkflowClient, WorkflowError } from '../../../bot/workflow-client';

test('without VIANG_WEBHOOK_SECRET nothing is sent and the message says what to configure', async () => {
	let called = false;
	const client = new WorkflowClient({
		baseUrl: 'http://127.0.0.1:1',
		secret: undefined,
		fetch: (async () => {
			called = true;
			throw new Error('should not be called');
		}) as typeof fetch,
	});
	const error = await client.reprocess('id', '2026-03-01', 'telegram:1').catch((e) => e);
	expect(error).toBeInstanceOf(WorkflowError);
	expect(error).toMatchObject({ kind: 'not_configured' });
	expect(error.message).toMatch(/falta VIANG_WEBHOOK_SECRET/);
	expect(called).toBe(false);
});

test('a one-item array from "Respond to Webhook" is accepted; the secret goes in the header only', async () => {
	const seen: Array<{ url: string; init: RequestInit }> = [];
	const client = new WorkflowClient({
		baseUrl: 'http://n8n.local/',
		secret: 'shh-secret',
		fetch: (async (url: string, init: RequestInit) => {
			seen.push({ url, init });
			return new Response(JSON.stringify([{ status: 'PENDING' }]), { status: 200 });
		}) as unknown as typeof fetch,
	});
	expect(await client.mccInvite('c1', '1234567890', 'telegram:1')).toEqual({ status: 'PENDING' });
	expect(seen[0].url).toBe('http://n8n.local/webhook/mcc-invite');
	expect((seen[0].init.headers as Record<string, string>)['x-viang-secret']).toBe('shh-secret');
	expect(seen[0].init.body).toBe(JSON.stringify({ clientId: 'c1', customerId: '1234567890', requestedBy: 'telegram:1' }));
});

test("a workflow's refusal (4xx { error }) keeps its pt-BR text whole in `detail`; extra answer fields are read", async () => {
	const long = `O número ainda não foi adicionado ao app Meta da Viang. ${'Passo. '.repeat(80)}`.trim();
	const answers: Array<{ status: number; body: unknown }> = [
		{ status: 400, body: { error: long } },
		{ status: 200, body: { instanceId: 'i-1', status: 'active', phoneNumberId: 109876543210, warnings: ['aviso'] } },
		{ status: 200, body: { status: 'PENDING', action: 'already_pending', token: 'never-read' } },
	];
	const client = new WorkflowClient({
		baseUrl: 'http://n8n.local',
		secret: 'shh-secret',
		fetch: (async () => {
			const next = answers.shift()!;
			return new Response(JSON.stringify(next.body), { status: next.status });
		}) as unknown as typeof fetch,
	});
	const error = await client.whatsappInstance('c1', '+5511987654321', 'telegram:1').catch((e) => e);
	expect(error).toMatchObject({ kind: 'rejected', status: 400, detail: long });
	expect(long.length).toBeGreaterThan(300);
	expect(await client.whatsappInstance('c1', '+5511987654321', 'telegram:1')).toEqual({
		instanceId: 'i-1',
		status: 'active',
		phoneNumberId: '109876543210',
		warnings: ['aviso'],
	});
	expect(await client.mccInvite('c1', '1234567890', 'telegram:1')).toEqual({ status: 'PENDING', action: 'already_pending' });
});
