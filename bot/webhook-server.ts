// Webhook mode: a small HTTP server that takes Telegram's POSTs on the webhook URL's path. grammY
// checks X-Telegram-Bot-Api-Secret-Token (401 when it is missing or wrong), so only Telegram —
// which got the secret with setWebhook — can feed the bot.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback, type Bot } from 'grammy';

export interface WebhookServerOptions {
	secret: string;
	host: string;
	port: number;
	/** The path of the public webhook URL (a reverse proxy forwards it unchanged). */
	path: string;
}

export interface RunningWebhookServer {
	/** http://host:port of the local server. */
	url: string;
	close(): Promise<void>;
}

export async function startWebhookServer(bot: Bot, options: WebhookServerOptions): Promise<RunningWebhookServer> {
	await bot.init();
	// A slow workflow must not make Telegram resend the update (and repeat the action): answer
	// Telegram after a few seconds and let the handler finish.
	const handle = webhookCallback(bot, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: 8_000 });
	const path = options.path || '/';
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://bot');
		if (req.method === 'GET' && url.pathname === '/healthz') {
			res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
			return;
		}
		if (req.method !== 'POST' || url.pathname !== path) {
			res.writeHead(404).end();
			return;
		}
		handle(req, res).catch(() => {
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${host}:${address.port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
