// What the bot's handlers use, passed in (never imported as globals) so tests build the bot
// against a test warehouse and fake n8n/Telegram servers.
import type { Context } from 'grammy';
import type { ClientsRepository } from '../domain/warehouse/clients';
import type { WarehouseTransport } from '../domain/warehouse/transport';
import type { Client } from '../domain/warehouse/types';
import type { BotStore } from './store';
import type { WorkflowClient } from './workflow-client';

export interface BotLogger {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

/** Signed dashboard links (domain/metabase); absent until dashboards are configured. */
export interface DashboardLinks {
	linkFor(client: Client): Promise<{ url: string; expiresAt: Date }>;
}

export interface BotServices {
	transport: WarehouseTransport;
	clients: Pick<ClientsRepository, 'findByIdOrName' | 'list' | 'credentials'>;
	store: BotStore;
	workflows: WorkflowClient;
	/** TELEGRAM_STAFF_IDS; bot_staff in the warehouse adds to them. */
	staffIds: ReadonlySet<number>;
	managerCustomerId?: string;
	dashboards?: DashboardLinks;
	logger: BotLogger;
}

/** Who asked, as the workflows record it (`requestedBy`). */
export function requestedBy(ctx: Context): string {
	const user = ctx.from;
	if (!user) return 'telegram:desconhecido';
	return user.username ? `telegram:${user.id} (@${user.username})` : `telegram:${user.id}`;
}

/** A logger that never prints the given secrets (the bot token, the webhook secrets). */
export function redactingLogger(base: BotLogger, secrets: Array<string | undefined>): BotLogger {
	const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6);
	const clean = (message: string) => known.reduce((text, secret) => text.split(secret).join('***'), message);
	return {
		info: (message) => base.info(clean(message)),
		warn: (message) => base.warn(clean(message)),
		error: (message) => base.error(clean(message)),
	};
}

export const consoleLogger: BotLogger = {
	info: (message) => console.log(`[bot] ${message}`),
	warn: (message) => console.warn(`[bot] ${message}`),
	error: (message) => console.error(`[bot] ${message}`),
};

export const silentLogger: BotLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
