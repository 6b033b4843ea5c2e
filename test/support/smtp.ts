// A real SMTP server on loopback (smtp-server + mailparser) that keeps every message it receives,
// so e2e tests read the e-mail n8n's Send Email node really sent.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	raw: string;
	parsed: ParsedMail;
}

export class TestSmtpServer {
	readonly messages: ReceivedMail[] = [];
	private readonly waiters: Array<() => void> = [];
	private readonly server: SMTPServer;
	port = 0;

	constructor() {
		this.server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			onData: (stream, session, callback) => {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					simpleParser(raw)
						.then((parsed) => {
							this.messages.push({
								from: parsed.from?.text ?? '',
								to: session.envelope.rcptTo.map((r) => r.address),
								subject: parsed.subject ?? '',
								text: parsed.text ?? '',
								html: typeof parsed.html === 'string' ? parsed.html : '',
								raw,
								parsed,
							});
							for (const wake of this.waiters.splice(0)) wake();
							callback();
						})
						.catch((error: Error) => callback(error));
				});
			},
		});
	}

	async start(): Promise<number> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, '127.0.0.1', () => resolve());
		});
		this.port = (this.server.server.address() as AddressInfo).port;
		return this.port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** The first message to `address` after `after` messages, waiting for it to arrive. */
	async waitFor(address: string, options: { after?: number; timeoutMs?: number } = {}): Promise<ReceivedMail> {
		const deadline = Date.now() + (options.timeoutMs ?? 60_000);
		for (;;) {
			const found = this.messages.slice(options.after ?? 0).find((m) => m.to.includes(address.toLowerCase()));
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`no e-mail to ${address} arrived`);
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, 500);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	}
}
