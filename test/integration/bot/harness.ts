// Shared setup of the bot's integration tests: a migrated database of its own, the warehouse over
// it, a fake Telegram Bot API and fake n8n webhooks on loopback, and the real bot (runBot, long
// polling) pointed at them; `env` holds optional settings such as Metabase's. `restart()` stops the bot and starts a new one on the same warehouse.
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { BotConfig } from '../../../bot/config';
import { metabaseDashboardsFromEnv } from '../../../bot/dashboards';
import { runBot, type RunningBot } from '../../../bot/run';
import type { BotLogger } from '../../../bot/services';
import { migrate, openWarehouse, type Warehouse } from '../../../domain/warehouse';
import { FakeN8nWebhooks } from '../../fakes/n8n-webhooks';
import { FakeTelegram, type SentMessage, type UserOptions } from '../../fakes/telegram';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const STAFF = 1001;
export const OTHER_STAFF = 1002;
export const STRANGER = 6666;
export const STAFF_CHAT = -1005001;

export interface BotHarness {
	db: TestDatabase;
	warehouse: Warehouse;
	telegram: FakeTelegram;
	n8n: FakeN8nWebhooks;
	config: BotConfig;
	running: RunningBot;
	logs: string[];
	sql<T extends Record<string, unknown> = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
	/** Sends `text` as `userId` and returns the bot's next message to that chat. */
	say(userId: number, text: string, options?: UserOptions): Promise<SentMessage>;
	/** Presses a button and waits for the bot to answer the callback query. */
	press(userId: number, message: SentMessage, label: string | RegExp, options?: UserOptions): Promise<void>;
	restart(): Promise<void>;
	/** Restarts with some configuration changed (kept for later restarts). */
	restartWith(changes: Partial<BotConfig>): Promise<void>;
	close(): Promise<void>;
}

export async function startBotHarness(overrides: Partial<BotConfig> = {}, env: NodeJS.ProcessEnv = {}): Promise<BotHarness> {
	const db = await createTestDatabase('viang_bot');
	await migrate(db.url);
	const warehouse = openWarehouse({ databaseUrl: db.url, tokenKey: randomBytes(32).toString('hex') });
	const admin = new PgClient({ connectionString: db.url });
	admin.on('error', () => undefined);
	await admin.connect();
	const telegram = new FakeTelegram();
	await telegram.start();
	const n8n = new FakeN8nWebhooks();
	await n8n.start();
	const config: BotConfig = {
		token: telegram.token,
		apiRoot: telegram.apiRoot,
		staffIds: [STAFF, OTHER_STAFF],
		staffChatId: STAFF_CHAT,
		n8nWebhookUrl: n8n.url,
		webhookSecret: n8n.secret,
		workflowTimeoutMs: 1_500,
		notificationIntervalMs: 100,
		webhook: undefined,
		managerCustomerId: '9999999999',
		...overrides,
	};
	const logs: string[] = [];
	const logger: BotLogger = {
		info: (message) => logs.push(`info ${message}`),
		warn: (message) => logs.push(`warn ${message}`),
		error: (message) => logs.push(`error ${message}`),
	};
	const dashboards = metabaseDashboardsFromEnv(warehouse, env);
	const start = () => runBot({ config, warehouse, logger, dashboards, pollingTimeoutSeconds: 1 });
	const harness: BotHarness = {
		db,
		warehouse,
		telegram,
		n8n,
		config,
		running: await start(),
		logs,
		async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []) {
			return (await admin.query(text, values)).rows as T[];
		},
		async say(userId, text, options = {}) {
			telegram.sendUserMessage(userId, text, options);
			return telegram.nextMessage(options.chatId ?? userId);
		},
		async press(userId, message, label, options = {}) {
			const id = telegram.press(userId, message, label, options);
			await telegram.answerOf(id);
		},
		async restart() {
			await harness.running.stop();
			harness.running = await start();
		},
		async restartWith(changes) {
			Object.assign(config, changes);
			await harness.restart();
		},
		async close() {
			await harness.running.stop();
			await telegram.stop();
			await n8n.stop();
			await admin.end();
			await warehouse.close();
			await db.drop();
		},
	};
	return harness;
}

/** A valid CNPJ and CPF for the forms (check digits right). */
export const CNPJ = '11.222.333/0001-81';
export const CPF = '123.456.789-09';
