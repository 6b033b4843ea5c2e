// Every action staff start from Telegram runs as an n8n workflow, so it shows up in n8n's
// executions: POST ${N8N_WEBHOOK_URL}/webhook/<path> with the shared secret header and JSON. The
// contracts of all the webhooks the bot calls are here, in one place.
import { z } from 'zod';
import { fetchWithTimeout, FetchTimeoutError } from '../domain/http/fetch-with-timeout';

export const WEBHOOK_SECRET_HEADER = 'x-viang-secret';

export const WORKFLOW_PATHS = {
	onboardingInvite: 'onboarding-invite',
	reprocess: 'reprocess',
	mccInvite: 'mcc-invite',
	whatsappInstance: 'whatsapp-instance',
} as const;

export interface NewClientRequest {
	name: string;
	email: string;
	/** CPF or CNPJ without punctuation. */
	document: string;
	googleAdsCustomerId?: string;
	/** E.164, e.g. +5511987654321. */
	whatsappNumber?: string;
	requestedBy: string;
}

const inviteResult = z.object({
	clientId: z.string().min(1),
	inviteStatus: z.string().min(1),
	email: z.string(),
});
export type InviteResult = z.infer<typeof inviteResult>;

const reprocessResult = z.object({ executionStarted: z.literal(true) });

// A refusal (unknown client, invalid or already used customer id / number…) is an HTTP 400 with a
// pt-BR `{ error }`, a failure on the way (Google, Meta) a 502: both become WorkflowError.
const mccResult = z.object({
	status: z.string().min(1),
	/** invited, already_pending or already_linked (no second invitation). */
	action: z.string().optional(),
});
export type MccResult = z.infer<typeof mccResult>;

const whatsappResult = z.union([
	z.object({
		instanceId: z.union([z.string(), z.number()]).transform(String),
		status: z.string(),
		phoneNumberId: z.union([z.string(), z.number()]).transform(String).optional(),
		verifiedName: z.string().nullish(),
		/** pt-BR notes about a number that cannot send yet. */
		warnings: z.array(z.string()).optional(),
	}),
	z.object({ error: z.string().min(1) }),
]);
export type WhatsAppResult =
	| { instanceId: string; status: string; phoneNumberId?: string; verifiedName?: string | null; warnings?: string[] }
	| { error: string };

export type WorkflowErrorKind = 'not_configured' | 'unreachable' | 'timeout' | 'unauthorized' | 'not_found' | 'rejected' | 'failed' | 'bad_response';

/** A workflow call that did not work, with the pt-BR message staff read. */
export class WorkflowError extends Error {
	constructor(
		readonly kind: WorkflowErrorKind,
		message: string,
		readonly status?: number,
		/** The workflow's own `{ error }` (or `{ message }`), when it gave one. */
		readonly detail?: string,
	) {
		super(message);
		this.name = 'WorkflowError';
	}
}

export interface WorkflowClientOptions {
	/** N8N_WEBHOOK_URL, e.g. http://127.0.0.1:5678 */
	baseUrl: string;
	/** VIANG_WEBHOOK_SECRET; undefined: every call fails as not configured. */
	secret: string | undefined;
	timeoutMs?: number;
	fetch?: typeof fetch;
}

/** n8n answers `{ message }` (or `{ error }`) on failures; staff see it, cut short (some explain what to do). */
function remoteMessage(text: string): string | undefined {
	try {
		const body = JSON.parse(text) as Record<string, unknown>;
		const nested = body.error && typeof body.error === 'object' ? (body.error as Record<string, unknown>).message : undefined;
		const message = [body.message, body.error, nested].find((value) => typeof value === 'string' && value.trim() !== '');
		return typeof message === 'string' ? message.trim().slice(0, 1000) : undefined;
	} catch {
		// not JSON: fall through
	}
	const plain = text.trim();
	return plain && plain.length <= 1000 && !plain.startsWith('<') ? plain : undefined;
}

export class WorkflowClient {
	private readonly baseUrl: string;
	private readonly timeoutMs: number;

	constructor(private readonly options: WorkflowClientOptions) {
		this.baseUrl = options.baseUrl.replace(/\/+$/, '');
		this.timeoutMs = options.timeoutMs ?? 60_000;
	}

	/** Creates the client and sends the onboarding invite (e-mail). */
	async inviteNewClient(request: NewClientRequest): Promise<InviteResult> {
		const body: Record<string, unknown> = {
			name: request.name,
			email: request.email,
			document: request.document,
			requestedBy: request.requestedBy,
		};
		if (request.googleAdsCustomerId) body.googleAdsCustomerId = request.googleAdsCustomerId;
		if (request.whatsappNumber) body.whatsappNumber = request.whatsappNumber;
		return this.call(WORKFLOW_PATHS.onboardingInvite, body, inviteResult);
	}

	/** A new invite for an existing client (`/convite`). */
	async resendInvite(clientId: string, requestedBy: string): Promise<InviteResult> {
		return this.call(WORKFLOW_PATHS.onboardingInvite, { clientId, resend: true, requestedBy }, inviteResult);
	}

	/** Starts reprocessing from `dataInicio` ('YYYY-MM-DD') to today. */
	async reprocess(clientId: string, dataInicio: string, requestedBy: string): Promise<void> {
		await this.call(WORKFLOW_PATHS.reprocess, { clientId, dataInicio, requestedBy }, reprocessResult);
	}

	async mccInvite(clientId: string, customerId: string, requestedBy: string): Promise<MccResult> {
		return this.call(WORKFLOW_PATHS.mccInvite, { clientId, customerId, requestedBy }, mccResult);
	}

	async whatsappInstance(clientId: string, phoneNumber: string, requestedBy: string): Promise<WhatsAppResult> {
		return this.call(WORKFLOW_PATHS.whatsappInstance, { clientId, phoneNumber, requestedBy }, whatsappResult);
	}

	private async call<T>(path: string, body: Record<string, unknown>, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
		if (!this.options.secret) {
			throw new WorkflowError(
				'not_configured',
				'A integração com o n8n não está configurada (falta VIANG_WEBHOOK_SECRET no bot). Avise quem cuida da plataforma.',
			);
		}
		const url = `${this.baseUrl}/webhook/${path}`;
		let response;
		try {
			response = await fetchWithTimeout(
				url,
				{
					method: 'POST',
					headers: { 'content-type': 'application/json', accept: 'application/json', [WEBHOOK_SECRET_HEADER]: this.options.secret },
					body: JSON.stringify(body),
				},
				this.timeoutMs,
				this.options.fetch,
			);
		} catch (error) {
			if (error instanceof FetchTimeoutError) {
				throw new WorkflowError(
					'timeout',
					`O n8n não respondeu em ${Math.round(this.timeoutMs / 1000)} s (workflow "${path}"). ` +
						'A execução pode ter começado: confira em Executions no n8n antes de repetir.',
				);
			}
			throw new WorkflowError('unreachable', `Não consegui falar com o n8n (workflow "${path}"). Ele está no ar? Tente de novo em instantes.`);
		}
		const detail = remoteMessage(response.text);
		// Inside a sentence of ours: without its own final period.
		const quoted = detail?.replace(/[.\s]+$/, '');
		if (response.status === 401 || response.status === 403) {
			throw new WorkflowError(
				'unauthorized',
				`O n8n recusou a autenticação do bot no workflow "${path}" (HTTP ${response.status}): confira VIANG_WEBHOOK_SECRET.`,
				response.status,
			);
		}
		if (response.status === 404) {
			throw new WorkflowError(
				'not_found',
				`O workflow "${path}" não está ativo no n8n (HTTP 404). Ative-o no n8n e tente de novo.`,
				response.status,
			);
		}
		if (response.status >= 400 && response.status < 500) {
			throw new WorkflowError('rejected', `O n8n recusou o pedido${quoted ? `: ${quoted}` : ` (HTTP ${response.status})`}.`, response.status, detail);
		}
		if (response.status >= 500) {
			throw new WorkflowError(
				'failed',
				`O workflow "${path}" falhou no n8n (HTTP ${response.status})${quoted ? `: ${quoted}` : ''}. Veja a execução no n8n.`,
				response.status,
				detail,
			);
		}
		let json: unknown;
		try {
			json = JSON.parse(response.text);
		} catch {
			json = undefined;
		}
		// n8n's "Respond to Webhook" may wrap the object in a one-item array.
		if (Array.isArray(json) && json.length === 1) json = json[0];
		const parsed = schema.safeParse(json);
		if (!parsed.success) {
			throw new WorkflowError(
				'bad_response',
				`O workflow "${path}" respondeu num formato inesperado. Veja a execução no n8n.`,
				response.status,
			);
		}
		return parsed.data;
	}
}
