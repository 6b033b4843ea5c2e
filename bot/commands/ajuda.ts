// `/ajuda` (and `/start`, what Telegram sends on first contact).
import type { Composer, Context } from 'grammy';
import { HELP } from '../messages';

export function register(composer: Composer<Context>): void {
	composer.command(['ajuda', 'start', 'help'], (ctx) => ctx.reply(HELP));
}
