// The sender's decisions with an in-memory store and a scripted Graph client: the warehouse
// version of the same store is covered by the integration tests.
import { ApiError } from '../../../domain/http/api-error';
import {
	templateMessage,
	textMessage,
	WhatsAppSender,
	type DueSend,
	type MessageTransport,
	type OutgoingMessage,
	type Reservation,
	type ReserveInput,
	type SendResult,
	type SendStore,
} from '../../../domain/whatsapp';

class Clock {
	now = Date.parse('2026-03-15T11:00:00Z');
	slept: number[] = [];
	sleep = async (ms: number) => {
		this.slept.push(ms);
		this.now += ms;
	};
}

interface Row {
	id: string;
	input: ReserveInput;
	status: string;
	attempts: number;
	nextAttemptAt?: number;
	errorCode?: string;
	wamid?: string;
}

class MemoryStore implements SendStore {
	rows: Row[] = [];
	optedOut = new Set<string>();
	private slots = new Map<string, number>();

	constructor(private readonly clock: Clock) {}

	async reserveSend(input: ReserveInput): Promise<Reservation> {
		let row = input.logId ? this.rows.find((r) => r.id === input.logId) : undefined;
		if (this.optedOut.has(input.waId)) {
			if (!row) this.rows.push((row = { id: String(this.rows.length + 1), input, status: 'skipped', attempts: 0 }));
			row.status = 'skipped';
			return { status: 'opted_out', logId: row.id };
		}
		const key = `${input.instanceId}:${input.waId}`;
		const slot = Math.max(this.clock.now, this.slots.get(key) ?? 0);
		this.slots.set(key, slot + input.intervalMs);
		if (!row) this.rows.push((row = { id: String(this.rows.length + 1), input, status: 'pending', attempts: 0 }));
		row.status = 'pending';
		row.attempts += 1;
		return { status: 'reserved', logId: row.id, scheduledAt: new Date(slot).toISOString(), waitMs: slot - this.clock.now, attempts: row.attempts };
	}

	async sendResult(logId: string, result: { status: string; wamid?: string; errorCode?: string; nextAttemptAt?: Date }) {
		const row = this.rows.find((r) => r.id === logId)!;
		row.status = result.status;
		row.wamid = result.wamid;
		row.errorCode = result.errorCode;
		row.nextAttemptAt = result.nextAttemptAt?.getTime();
	}

	async dueSends(): Promise<DueSend[]> {
		return this.rows
			.filter((r) => r.status === 'deferred' && (r.nextAttemptAt ?? 0) <= this.clock.now)
			.map((r) => ({
				logId: r.id,
				instanceId: r.input.instanceId,
				waId: r.input.waId,
				kind: r.input.kind,
				purpose: r.input.purpose,
				payload: r.input.payload ?? {},
				attempts: r.attempts,
				nextAttemptAt: new Date(r.nextAttemptAt!).toISOString(),
				errorCode: r.errorCode ?? null,
			}));
	}
}

const graphError = (code: string, status = 400) =>
	new ApiError({ provider: 'WhatsApp Cloud', call: 'messages.send', kind: status === 429 ? 'rate_limited' : 'http', status, code, providerMessage: `(#${code}) limit` });

class ScriptedGraph implements MessageTransport {
	calls: Array<{ to: string; message: OutgoingMessage; at: number }> = [];
	script: Array<Error | undefined> = [];

	constructor(private readonly clock: Clock) {}

	async sendMessage(_phoneNumberId: string, to: string, message: OutgoingMessage): Promise<SendResult> {
		this.calls.push({ to, message, at: this.clock.now });
		const next = this.script.shift();
		if (next) throw next;
		return { wamid: `wamid.${this.calls.length}`, waId: to };
	}
}

const instance = { id: 'inst-1', clientId: 'client-1', phoneNumberId: '106540352242922' };
const TO = '5511987654321';

function setup() {
	const clock = new Clock();
	const store = new MemoryStore(clock);
	const graph = new ScriptedGraph(clock);
	const sender = new WhatsAppSender(graph, store, { sleep: clock.sleep, now: () => clock.now });
	return { clock, store, graph, sender };
}

describe('WhatsAppSender', () => {
	it('sends and logs the message id', async () => {
		const { sender, store, graph } = setup();
		const outcome = await sender.send(instance, '+55 (11) 98765-4321', textMessage('Olá'));
		expect(outcome).toMatchObject({ status: 'sent', to: TO, wamid: 'wamid.1', waitedMs: 0 });
		expect(graph.calls[0].to).toBe(TO);
		expect(store.rows[0]).toMatchObject({ status: 'sent', wamid: 'wamid.1' });
	});

	it('never sends to an opted-out contact', async () => {
		const { sender, store, graph } = setup();
		store.optedOut.add(TO);
		await expect(sender.send(instance, TO, textMessage('Promoção!'))).resolves.toMatchObject({ status: 'skipped', reason: 'opted_out' });
		expect(graph.calls).toHaveLength(0);
		expect(store.rows[0].status).toBe('skipped');
	});

	it('spaces messages to the same contact 6 s apart, others go at once', async () => {
		const { sender, graph, clock } = setup();
		const start = clock.now;
		await sender.send(instance, TO, textMessage('1'));
		await sender.send(instance, '5521999990000', textMessage('outro contato'));
		const third = await sender.send(instance, TO, textMessage('2'));
		expect(graph.calls.map((c) => c.at - start)).toEqual([0, 0, 6000]);
		expect(third).toMatchObject({ status: 'sent', waitedMs: 6000 });
	});

	it('defers instead of waiting when the contact\'s next slot is too far away', async () => {
		const { sender, graph, store } = setup();
		const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((text) => sender.send(instance, TO, textMessage(text))));
		// Slots: a now, b +6 s, c +12 s, d +18 s (more than the 15 s the sender waits in place).
		expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent', 'sent', 'deferred']);
		expect(graph.calls).toHaveLength(3);
		expect(store.rows[3]).toMatchObject({ status: 'deferred', errorCode: 'pacing' });
	});

	it('131056 (pair rate): waits 6 s and tries once more', async () => {
		const { sender, graph, store, clock } = setup();
		graph.script = [graphError('131056')];
		const outcome = await sender.send(instance, TO, textMessage('Olá'));
		expect(outcome).toMatchObject({ status: 'sent', attempts: 2 });
		expect(graph.calls[1].at - graph.calls[0].at).toBeGreaterThanOrEqual(6000);
		expect(store.rows).toHaveLength(1);
		expect(clock.slept).toContain(6000);
	});

	it('130429 (throughput) twice: defers the message for later', async () => {
		const { sender, graph, store } = setup();
		graph.script = [graphError('130429'), graphError('130429')];
		const outcome = await sender.send(instance, TO, textMessage('Olá'));
		expect(outcome).toMatchObject({ status: 'deferred', errorCode: '130429' });
		expect(graph.calls).toHaveLength(2);
		expect(store.rows[0]).toMatchObject({ status: 'deferred', errorCode: '130429' });
	});

	it('HTTP 429 without a WhatsApp code is also "later"', async () => {
		const { sender, graph } = setup();
		graph.script = [graphError('4', 429), graphError('4', 429)];
		await expect(sender.send(instance, TO, textMessage('Olá'))).resolves.toMatchObject({ status: 'deferred', errorCode: '4' });
	});

	it('resendDue sends deferred messages when their time comes, with the stored payload', async () => {
		const { sender, graph, store, clock } = setup();
		graph.script = [graphError('130429'), graphError('130429')];
		await sender.send(instance, TO, templateMessage('resumo_diario', 'pt_BR', ['Loja']), 'daily_summary');
		expect(await sender.resendDue(async () => instance)).toEqual([]);
		clock.now += 5_000;
		const outcomes = await sender.resendDue(async () => instance);
		expect(outcomes).toMatchObject([{ status: 'sent', attempts: 3 }]);
		expect(graph.calls[2].message).toEqual(templateMessage('resumo_diario', 'pt_BR', ['Loja']));
		expect(store.rows[0].status).toBe('sent');
	});

	it('resendDue skips a contact who opted out meanwhile', async () => {
		const { sender, graph, store, clock } = setup();
		graph.script = [graphError('130429'), graphError('130429')];
		await sender.send(instance, TO, textMessage('Olá'));
		store.optedOut.add(TO);
		clock.now += 60_000;
		expect(await sender.resendDue(async () => instance)).toMatchObject([{ status: 'skipped', reason: 'opted_out' }]);
		expect(graph.calls).toHaveLength(2);
	});

	it('other errors are logged as failed and thrown (invalid token 190)', async () => {
		const { sender, graph, store } = setup();
		graph.script = [graphError('190', 401)];
		await expect(sender.send(instance, TO, textMessage('Olá'))).rejects.toThrow(/HTTP 401 \[190\]/);
		expect(store.rows[0]).toMatchObject({ status: 'failed', errorCode: '190' });
	});

	it('validates recipients and message bodies', async () => {
		const { sender } = setup();
		await expect(sender.send(instance, '123', textMessage('x'))).rejects.toThrow(/8 to 15 digits/);
		expect(() => textMessage('   ')).toThrow(/empty/);
		expect(() => textMessage('a'.repeat(4097))).toThrow(/4096/);
		expect(templateMessage('hello', '', [])).toEqual({ type: 'template', template: { name: 'hello', language: { code: 'pt_BR' } } });
	});
});
