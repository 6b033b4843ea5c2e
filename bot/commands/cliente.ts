// `/cliente <nome ou id>`: where one client stands — onboarding, the last run per source
// (updates_log), the Google Ads link, the WhatsApp instance, and what needs someone's attention.
import type { Composer, Context } from 'grammy';
import type { Client, CredentialSummary } from '../../domain/warehouse/types';
import { clientReference } from '../args';
import { findClient } from '../client-lookup';
import {
	clientStatusIcon,
	clientStatusLabel,
	formatCustomerId,
	formatDateTime,
	formatDocumentLabeled,
	formatPhone,
	linkStatusLabel,
	providerLabel,
	runStatusLabel,
	sourceLabel,
	whatsappStatusLabel,
} from '../format';
import { usage } from '../messages';
import type { BotServices } from '../services';
import type { ClientOverview } from '../store';

const DAY_MS = 86_400_000;
/** An invite still not accepted after this long is worth a nudge. */
const STALE_INVITE_DAYS = 3;

function pick(row: Record<string, unknown>, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = row[key];
		if (value !== null && value !== undefined && String(value) !== '') return String(value);
	}
	return undefined;
}

function runsSection(overview: ClientOverview): string[] {
	if (overview.lastRuns.length === 0) return ['Últimas cargas: nenhuma ainda.'];
	return [
		'Últimas cargas:',
		...overview.lastRuns.map((run) => {
			const when = formatDateTime(run.finishedAt ?? run.startedAt);
			const rows = run.status === 'success' && run.rowsWritten !== null ? ` (${run.rowsWritten.toLocaleString('pt-BR')} linhas)` : '';
			const error = run.status === 'error' && run.errorMessage ? ` — ${run.errorMessage.slice(0, 200)}` : '';
			return `• ${sourceLabel(run.source)}: ${runStatusLabel(run.status)} em ${when}${rows}${error}`;
		}),
	];
}

function googleAdsLine(overview: ClientOverview): string {
	const link = overview.googleAds;
	if (!link) return 'Google Ads: nenhuma conta informada (use /mcc).';
	const customer = pick(link, ['customer_id']);
	const status = pick(link, ['status']) ?? 'NOT_LINKED';
	return `Google Ads: ${customer ? formatCustomerId(customer) : '—'} — ${linkStatusLabel(status)} (desde ${formatDateTime(pick(link, ['updated_at']))})`;
}

function whatsappLine(overview: ClientOverview): string {
	const instance = overview.whatsapp;
	if (!instance) return 'WhatsApp: nenhuma instância (use /whatsapp).';
	const phone = pick(instance, ['display_phone_number', 'phone_number', 'phone_digits']);
	const status = pick(instance, ['status']);
	const numberId = pick(instance, ['phone_number_id']);
	const shown = phone ? formatPhone(/^\d+$/.test(phone) ? `+${phone}` : phone) : 'número não informado';
	return `WhatsApp: ${shown}${status ? ` — ${whatsappStatusLabel(status)}` : ''}${numberId ? ` (phone number id ${numberId})` : ''}`;
}

export function problems(client: Client, credentials: CredentialSummary[], overview: ClientOverview, now = new Date()): string[] {
	const found: string[] = [];
	const reauth = credentials.filter((credential) => credential.needsReauth).map((credential) => providerLabel(credential.provider));
	if (client.status === 'needs_reauth' || reauth.length > 0) {
		const which = reauth.length > 0 ? reauth.join(', ') : 'a conta';
		found.push(`🔑 Precisa reautorizar ${which}: envie um novo convite com /convite ${client.name}`);
	}
	if (client.status === 'invited') {
		const days = Math.floor((now.getTime() - client.statusChangedAt.getTime()) / DAY_MS);
		if (days >= STALE_INVITE_DAYS) found.push(`✉️ Convite enviado há ${days} dias e ainda não autorizado: considere /convite ${client.name}`);
	}
	for (const run of overview.lastRuns) {
		if (run.status === 'error') found.push(`❌ A última carga de ${sourceLabel(run.source)} falhou (${formatDateTime(run.startedAt)})`);
	}
	const linkStatus = overview.googleAds ? pick(overview.googleAds, ['status']) : undefined;
	if (linkStatus === 'REJECTED') found.push('📈 O cliente recusou o convite do Google Ads: combine com ele e use /mcc de novo');
	return found;
}

export function renderClientDetails(client: Client, credentials: CredentialSummary[], overview: ClientOverview, now = new Date()): string {
	const open = problems(client, credentials, overview, now);
	return [
		`📋 ${client.name}`,
		`ID: ${client.id}`,
		`E-mail: ${client.contactEmail}`,
		`Documento: ${client.document ? formatDocumentLabeled(client.document) : 'não informado'}`,
		`Onboarding: ${clientStatusIcon(client.status)} ${clientStatusLabel(client.status)} (desde ${formatDateTime(client.statusChangedAt)})`,
		'',
		...runsSection(overview),
		'',
		googleAdsLine(overview),
		whatsappLine(overview),
		'',
		open.length === 0 ? 'Pendências: nenhuma ✅' : ['Pendências:', ...open.map((line) => `• ${line}`)].join('\n'),
	].join('\n');
}

export function register(composer: Composer<Context>, services: BotServices): void {
	composer.command('cliente', async (ctx) => {
		const reference = clientReference(ctx.match);
		if (!reference) {
			await ctx.reply(usage.cliente);
			return;
		}
		const found = await findClient(services, reference);
		if (!found.ok) {
			await ctx.reply(found.error);
			return;
		}
		const [credentials, overview] = await Promise.all([
			services.clients.credentials(found.client.id),
			services.store.clientOverview(found.client.id),
		]);
		await ctx.reply(renderClientDetails(found.client, credentials, overview));
	});
}
