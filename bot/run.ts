// Starting and stopping the whole bot: the command menu, the notification delivery loop, and
// long polling (default) or the webhook server (TELEGRAM_WEBHOOK_URL).
import type { Bot } from 'grammy';
import type { Warehouse } from '../domain/warehouse/warehouse';
import type { BotConfig } from './config';
import { createBot } from './create-bot';
import { MENU } from './messages';
import { NotificationDelivery } from './notifications';
import type { BotLogger, DashboardLinks } from './services';
import { startWebhookServer, type RunningWebhookServer } from './webhook-server';
import { WorkflowClient } from './workflow-client';

export interface RunBotOptions {
	config: BotConfig;
	warehouse: Pick<Warehouse, 'transport' | 'clients'>;
	logger: BotLogger;
	dashboards?: DashboardLinks;
	/** Long polling timeout in seconds (Telegram's default 30; tests use less). */
	pollingTimeoutSeconds?: number;
}

export interface RunningBot {
	bot: Bot;
	mode: 'polling' | 'webhook';
	notifications: NotificationDelivery | undefined;
	webhookServer: RunningWebhookServer | undefined;
	stop(): Promise<void>;
}

export async function runBot(options: RunBotOptions): Promise<RunningBot> {
	const { config, logger } = options;
	const workflows = new WorkflowClient({
		baseUrl: config.n8nWebhookUrl,
		secret: config.webhookSecret,
		timeoutMs: config.workflowTimeoutMs,
	});
	if (!config.webhookSecret) logger.warn('VIANG_WEBHOOK_SECRET não definido: as ações (convites, reprocessamentos…) vão responder que o n8n não está configurado');
	const bot = createBot({
		token: config.token,
		apiRoot: config.apiRoot,
		staffIds: config.staffIds,
		warehouse: options.warehouse,
		workflows,
		managerCustomerId: config.managerCustomerId,
		dashboards: options.dashboards,
		logger,
	});
	// The menu is a convenience: Telegram refusing it must not keep the bot down.
	await bot.api.setMyCommands([...MENU]).catch((error) => logger.warn(`setMyCommands falhou: ${(error as Error).message}`));

	let notifications: NotificationDelivery | undefined;
	if (config.staffChatId !== undefined) {
		notifications = new NotificationDelivery({
			transport: options.warehouse.transport,
			api: bot.api,
			chatId: config.staffChatId,
			intervalMs: config.notificationIntervalMs,
			logger,
		});
		notifications.start();
	} else {
		logger.warn('TELEGRAM_STAFF_CHAT_ID não definido: as notificações ficam na fila do warehouse sem entrega');
	}

	let webhookServer: RunningWebhookServer | undefined;
	let polling: Promise<void> | undefined;
	if (config.webhook) {
		const path = new URL(config.webhook.url).pathname;
		webhookServer = await startWebhookServer(bot, { ...config.webhook, path });
		await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, drop_pending_updates: false });
		logger.info(`modo webhook: ouvindo em ${webhookServer.url}${path}`);
	} else {
		await new Promise<void>((resolve, reject) => {
			polling = bot.start({ timeout: options.pollingTimeoutSeconds ?? 30, onStart: () => resolve() });
			polling.catch((error) => {
				logger.error(`long polling parou: ${(error as Error).message}`);
				reject(error);
			});
		});
		logger.info(`modo long polling como @${bot.botInfo.username}`);
	}

	let stopping: Promise<void> | undefined;
	return {
		bot,
		mode: config.webhook ? 'webhook' : 'polling',
		notifications,
		webhookServer,
		stop() {
			stopping ??= (async () => {
				await notifications?.stop();
				if (webhookServer) await webhookServer.close();
				if (bot.isRunning()) await bot.stop();
				await polling?.catch(() => undefined);
			})();
			return stopping;
		},
	};
}
