// `/clientes`: every client with its status, 10 per page; ◀ ▶ edit the same message.
import { InlineKeyboard, type Composer, type Context } from 'grammy';
import type { Client } from '../../domain/warehouse/types';
import { clientStatusIcon, clientStatusLabel } from '../format';
import { buttons } from '../messages';
import { isNotModified } from '../reply-errors';
import type { BotServices } from '../services';

export const PAGE_SIZE = 10;

export interface ClientsPage {
	text: string;
	keyboard: InlineKeyboard | undefined;
}

export function renderClientsPage(clients: Client[], requestedPage: number): ClientsPage {
	if (clients.length === 0) {
		return { text: 'Nenhum cliente cadastrado ainda. Use /novo_cliente para cadastrar o primeiro.', keyboard: undefined };
	}
	const pages = Math.ceil(clients.length / PAGE_SIZE);
	const page = Math.min(Math.max(0, requestedPage), pages - 1);
	const lines = clients
		.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
		.map((client) => `${clientStatusIcon(client.status)} ${client.name} — ${clientStatusLabel(client.status)}`);
	const header = `👥 Clientes: ${clients.length}${pages > 1 ? ` — página ${page + 1} de ${pages}` : ''}`;
	const text = [header, '', ...lines, '', 'Detalhes: /cliente <nome>'].join('\n');
	if (pages === 1) return { text, keyboard: undefined };
	const keyboard = new InlineKeyboard();
	if (page > 0) keyboard.text(buttons.previous, `clientes:${page - 1}`);
	if (page < pages - 1) keyboard.text(buttons.next, `clientes:${page + 1}`);
	return { text, keyboard };
}

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('clientes', async (ctx) => {
		const page = renderClientsPage(await services.clients.list(), 0);
		await ctx.reply(page.text, { reply_markup: page.keyboard });
	});

	composer.callbackQuery(/^clientes:(\d{1,4})$/, async (ctx) => {
		const page = renderClientsPage(await services.clients.list(), Number(ctx.match[1]));
		try {
			await ctx.editMessageText(page.text, { reply_markup: page.keyboard });
		} catch (error) {
			if (!isNotModified(error)) throw error;
		}
		// Answered last: the button's spinner stops once the page shows.
		await ctx.answerCallbackQuery();
	});
}
