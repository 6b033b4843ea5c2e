// Where each client's client-etl runs. In one n8n process the nightly calls the sub-workflow itself.
// In queue mode a sub-workflow would run inside the worker that runs the nightly, so the other
// workers would sit idle: there, each client goes through the authenticated reprocess webhook
// instead (`wait: true`), becoming its own queued execution that any worker may take, and the
// answer is client-etl's output.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DueClient } from './due-clients';

export type RunIn = 'auto' | 'subWorkflow' | 'queueWorkers';

/** `auto`: queue workers when this n8n runs in queue mode (EXECUTIONS_MODE=queue). */
export function resolveRunIn(runIn: RunIn, env: NodeJS.ProcessEnv = process.env): 'subWorkflow' | 'queueWorkers' {
	if (runIn !== 'auto') return runIn;
	return env.EXECUTIONS_MODE === 'queue' ? 'queueWorkers' : 'subWorkflow';
}

export interface WebhookTarget {
	/** Base URL of n8n's webhooks (main or webhook processes), e.g. http://n8n-main:5678 */
	baseUrl: string;
	path: string;
	secret: string;
	/** Per client; n8n holds the request until client-etl answers (default 2 h). */
	timeoutMs?: number;
}

/** From the environment every n8n process of a queue-mode install gets (deploy/queue-mode/viang.env). */
export function webhookTargetFromEnv(path: string, env: NodeJS.ProcessEnv = process.env): WebhookTarget {
	const secret = env.VIANG_WEBHOOK_SECRET;
	if (!secret) throw new Error('VIANG_WEBHOOK_SECRET is not set: queue-mode nightly runs call the reprocess webhook with it');
	const baseUrl = env.VIANG_INTERNAL_WEBHOOK_URL || env.N8N_WEBHOOK_URL || env.WEBHOOK_URL || `http://127.0.0.1:${env.N8N_PORT || '5678'}`;
	return { baseUrl: baseUrl.replace(/\/+$/, ''), path: path.replace(/^\/+/, ''), secret };
}

/** POST JSON without fetch's 5-minute header timeout: a big client may take longer than that. */
function postJson(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
		const req = send(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url.pathname} within ${Math.round(timeoutMs / 1000)} s`)));
		req.on('error', reject);
		req.end(body);
	});
}

export async function runThroughWebhook(target: WebhookTarget, input: DueClient, requestedBy = 'nightly-etl'): Promise<Array<Record<string, unknown>>> {
	const url = new URL(`${target.baseUrl}/webhook/${target.path}`);
	const body = JSON.stringify({
		clientId: input.client_id,
		dataInicio: input.data_inicio,
		dataFim: input.data_fim,
		mode: input.mode,
		sources: input.sources,
		requestedBy,
		wait: true,
	});
	const response = await postJson(url, { 'x-viang-secret': target.secret }, body, target.timeoutMs ?? 2 * 3_600_000);
	let parsed: unknown;
	try {
		parsed = JSON.parse(response.text);
	} catch {
		parsed = undefined;
	}
	if (response.status < 200 || response.status >= 300) {
		const message = parsed && typeof parsed === 'object' ? ((parsed as Record<string, unknown>).error ?? (parsed as Record<string, unknown>).message) : undefined;
		throw new Error(`reprocess webhook answered HTTP ${response.status}${message ? `: ${String(message).slice(0, 300)}` : ''}`);
	}
	if (Array.isArray(parsed)) return parsed as Array<Record<string, unknown>>;
	if (parsed && typeof parsed === 'object') return [parsed as Record<string, unknown>];
	throw new Error('reprocess webhook answered without JSON');
}
