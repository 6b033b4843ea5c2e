// `/cancelar`: leaves any wizard.
import type { Composer, Context } from 'grammy';
import type { NewClientWizard } from '../wizard/new-client-wizard';

export function register(composer: Composer<Context>, wizard: NewClientWizard): void {
	composer.command('cancelar', (ctx) => wizard.cancel(ctx));
}
