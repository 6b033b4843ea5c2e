// `npm run bot` (node dist/bot/main.js): the Telegram staff bot as a process. Configuration comes
// from the environment (docs/bot.md); SIGINT/SIGTERM stop it cleanly.
import { openWarehouseFromEnv } from '../domain/warehouse/warehouse';
import { botConfigFromEnv } from './config';
import { metabaseDashboardsFromEnv } from './dashboards';
import { runBot } from './run';
import { consoleLogger, redactingLogger } from './services';

async function main(): Promise<void> {
	const config = botConfigFromEnv(process.env);
	const logger = redactingLogger(consoleLogger, [config.token, config.webhookSecret, config.webhook?.secret, process.env.METABASE_EMBEDDING_SECRET]);
	const warehouse = await openWarehouseFromEnv(process.env);
	let running;
	try {
		const dashboards = metabaseDashboardsFromEnv(warehouse, process.env);
		if (!dashboards) logger.warn('METABASE_EMBEDDING_SECRET/METABASE_SITE_URL não definidos: /painel responde que os painéis não estão configurados');
		running = await runBot({ config, warehouse, logger, dashboards });
	} catch (error) {
		await warehouse.close();
		throw error;
	}
	logger.info(`pronto (${running.mode}); equipe: ${config.staffIds.length} id(s) em TELEGRAM_STAFF_IDS + tabela bot_staff`);
	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) return;
		stopping = true;
		logger.info(`${signal}: parando…`);
		await running.stop().catch((error) => logger.error(`erro ao parar: ${(error as Error).message}`));
		await warehouse.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown('SIGINT'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
	// Only the message: a stack or a cause could carry a URL with the bot token.
	const token = process.env.TELEGRAM_BOT_TOKEN;
	const message = String((error as Error)?.message ?? error);
	console.error(`[bot] ${token ? message.split(token).join('***') : message}`);
	process.exit(1);
});
