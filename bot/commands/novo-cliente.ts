// `/novo_cliente` (and a typed `/novo-cliente`, which Telegram reads as the command `/novo`, so
// grammY's command matcher never sees it: a regex catches it) start the wizard; its buttons and
// text answers are routed to it.
import type { Composer, Context } from 'grammy';
import type { NewClientWizard } from '../wizard/new-client-wizard';

export const HYPHENATED = /^\/novo-?cliente(?:@\w+)?(?:\s|$)/i;

export function register(composer: Composer<Context>, wizard: NewClientWizard): void {
	composer.command(['novo_cliente', 'novocliente'], (ctx) => wizard.start(ctx));
	composer.hears(HYPHENATED, (ctx) => wizard.start(ctx));
	composer.callbackQuery(/^wiz:/, (ctx) => wizard.press(ctx, ctx.callbackQuery.data));
}
