// Builds the grammY bot: staff-only access first, then the commands, the wizard's buttons and
// answers. Dependencies come in (warehouse pieces, workflow client, API root), so tests build it
// against a test database and fake Telegram/n8n servers.
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Warehouse } from '../domain/warehouse/warehouse';
import { staffOnly } from './access';
import * as ajuda from './commands/ajuda';
import * as cancelar from './commands/cancelar';
import * as cliente from './commands/cliente';
import * as clientes from './commands/clientes';
import * as convite from './commands/convite';
import * as mcc from './commands/mcc';
import * as novoCliente from './commands/novo-cliente';
import * as painel from './commands/painel';
import * as reprocessar from './commands/reprocessar';
import * as whatsapp from './commands/whatsapp';
import { DEFAULT_TELEGRAM_API_ROOT } from './config';
import { NOT_UNDERSTOOD } from './messages';
import { replyWithError } from './reply-errors';
import { silentLogger, type BotLogger, type BotServices, type DashboardLinks } from './services';
import { BotStore } from './store';
import { NewClientWizard } from './wizard/new-client-wizard';
import type { WorkflowClient } from './workflow-client';

export interface CreateBotOptions {
	token: string;
	/** TELEGRAM_API_ROOT (a fake Bot API in tests). */
	apiRoot?: string;
	/** Known bot identity: skips getMe (tests that call handleUpdate directly). */
	botInfo?: UserFromGetMe;
	staffIds: Iterable<number>;
	warehouse: Pick<Warehouse, 'transport' | 'clients'>;
	workflows: WorkflowClient;
	managerCustomerId?: string;
	dashboards?: DashboardLinks;
	logger?: BotLogger;
}

export function createBot(options: CreateBotOptions): Bot {
	const bot = new Bot(options.token, {
		botInfo: options.botInfo,
		client: { apiRoot: options.apiRoot ?? DEFAULT_TELEGRAM_API_ROOT },
	});
	const services: BotServices = {
		transport: options.warehouse.transport,
		clients: options.warehouse.clients,
		store: new BotStore(options.warehouse.transport),
		workflows: options.workflows,
		staffIds: new Set(options.staffIds),
		managerCustomerId: options.managerCustomerId,
		dashboards: options.dashboards,
		logger: options.logger ?? silentLogger,
	};
	const wizard = new NewClientWizard(services);

	// Outside the boundary below nothing should throw; if it does, log it and keep polling.
	bot.catch((error) => services.logger.error(`erro não tratado: ${(error.error as Error)?.message ?? String(error.error)}`));
	// One boundary for everything (long polling and webhooks alike): staff get a pt-BR message.
	const composer = bot.errorBoundary((error) => replyWithError(error.ctx, error.error, services.logger));
	composer.use(staffOnly(services));

	novoCliente.register(composer, wizard);
	cancelar.register(composer, wizard);
	ajuda.register(composer);
	clientes.register(composer, services);
	cliente.register(composer, services);
	convite.register(composer, services);
	reprocessar.register(composer, services);
	mcc.register(composer, services);
	whatsapp.register(composer, services);
	painel.register(composer, services);

	composer.on('message:text', async (ctx: Context) => {
		const text = ctx.message?.text ?? '';
		if (await wizard.answer(ctx, text)) return;
		// In groups, people talk among themselves: only private chats get "not understood".
		if (ctx.chat?.type === 'private') await ctx.reply(NOT_UNDERSTOOD);
	});
	composer.on('callback_query:data', (ctx) => ctx.answerCallbackQuery({ text: 'Este botão não está mais ativo.' }));
	return bot;
}
