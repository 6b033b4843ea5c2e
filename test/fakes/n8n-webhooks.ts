// Fake n8n webhook endpoints on loopback (FakeServer): `POST /webhook/<path>` guarded by the
// x-viang-secret header the way n8n's Header Auth answers (401 missing, 403 wrong), 404 for a
// workflow that is not active. Each path answers with a handler the test can replace.
import { randomUUID } from 'node:crypto';
import { FakeServer, type FakeResponse, type LoggedRequest } from './base';

export type WebhookHandler = (body: Record<string, unknown>) => FakeResponse | Promise<FakeResponse>;

export const SECRET_HEADER = 'x-viang-secret';

export class FakeN8nWebhooks {
	readonly server = new FakeServer('n8n');
	private readonly handlers = new Map<string, WebhookHandler>();

	constructor(readonly secret = 'test-webhook-secret-0123456789') {
		this.reset();
		this.server.route('POST', '/webhook/:path', async (request) => {
			const given = request.headers[SECRET_HEADER];
			if (given === undefined) return { status: 401, body: { code: 401, message: 'Authorization is required!' } };
			if (given !== this.secret) return { status: 403, body: { code: 403, message: 'Authorization data is wrong!' } };
			const handler = this.handlers.get(request.params.path);
			if (!handler) {
				return {
					status: 404,
					body: { code: 404, message: `The requested webhook "POST ${request.params.path}" is not registered.`, hint: 'Activate the workflow.' },
				};
			}
			return handler((request.body ?? {}) as Record<string, unknown>);
		});
	}

	/** Realistic answers for the five contracts (a new client id per onboarding). */
	reset(): void {
		this.handlers.clear();
		this.on('onboarding-invite', (body) => ({
			body: body.resend
				? { clientId: body.clientId, inviteStatus: 'sent', email: 'contato@cliente.com.br' }
				: { clientId: randomUUID(), inviteStatus: 'sent', email: body.email },
		}));
		this.on('reprocess', () => ({ body: { executionStarted: true } }));
		this.on('mcc-invite', () => ({ body: { status: 'PENDING' } }));
		this.on('whatsapp-instance', () => ({ body: { instanceId: 'wa-inst-1', status: 'connected' } }));
	}

	on(path: string, handler: WebhookHandler): this {
		this.handlers.set(path, handler);
		return this;
	}

	/** The workflow is not active: n8n answers 404. */
	deactivate(path: string): this {
		this.handlers.delete(path);
		return this;
	}

	async start(): Promise<string> {
		return this.server.start();
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	get url(): string {
		return this.server.url;
	}

	calls(path: string): LoggedRequest[] {
		return this.server.calls(`/webhook/${path}`, 'POST');
	}
}
