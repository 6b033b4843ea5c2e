// How values look to staff: pt-BR labels, São Paulo time, documents and ids as people write them.
import { formatCustomerId } from '../domain/googleads/customer-id';
import { formatDocument } from '../domain/validation/document';
import type { ClientStatus } from '../domain/warehouse/types';

const CLIENT_STATUS: Record<ClientStatus, string> = {
	invited: 'Convidado (aguardando autorização)',
	authorized: 'Autorizado (carga inicial a começar)',
	backfilling: 'Carga inicial em andamento',
	ready: 'Pronto',
	needs_reauth: 'Precisa reautorizar',
	disabled: 'Desativado',
};

const STATUS_ICON: Record<ClientStatus, string> = {
	invited: '✉️',
	authorized: '🔑',
	backfilling: '⏳',
	ready: '✅',
	needs_reauth: '⚠️',
	disabled: '⛔',
};

const LINK_STATUS: Record<string, string> = {
	NOT_LINKED: 'não vinculada',
	PENDING: 'convite pendente (aguardando o cliente aceitar)',
	APPROVED: 'vinculada ao MCC',
	REJECTED: 'convite recusado pelo cliente',
	CANCELLED: 'vínculo cancelado',
};

const WHATSAPP_STATUS: Record<string, string> = { active: 'ativa', paused: 'pausada' };

const RUN_STATUS: Record<string, string> = {
	running: '⏳ em andamento',
	success: '✅ sucesso',
	error: '❌ erro',
	skipped: '⏭ ignorado',
};

const SOURCES: Record<string, string> = {
	ml_orders: 'Mercado Livre — pedidos',
	ml_items: 'Mercado Livre — anúncios',
	ml_visits: 'Mercado Livre — visitas',
	ml_ads: 'Mercado Livre — publicidade',
	bling_stock: 'Bling — estoque',
	bling_finance: 'Bling — financeiro',
	upseller_stock: 'UpSeller — estoque',
	facts: 'Consolidação (fatos)',
};

const PROVIDERS: Record<string, string> = { mercadolivre: 'Mercado Livre', bling: 'Bling', upseller: 'UpSeller' };

export function clientStatusLabel(status: ClientStatus | string): string {
	return CLIENT_STATUS[status as ClientStatus] ?? status;
}

export function clientStatusIcon(status: ClientStatus | string): string {
	return STATUS_ICON[status as ClientStatus] ?? '•';
}

export function linkStatusLabel(status: string): string {
	return LINK_STATUS[status] ?? status;
}

export function whatsappStatusLabel(status: string): string {
	return WHATSAPP_STATUS[status] ?? status;
}

export function runStatusLabel(status: string): string {
	return RUN_STATUS[status] ?? status;
}

export function sourceLabel(source: string): string {
	return SOURCES[source] ?? source;
}

export function providerLabel(provider: string): string {
	return PROVIDERS[provider] ?? provider;
}

const DATE_TIME = new Intl.DateTimeFormat('pt-BR', {
	timeZone: 'America/Sao_Paulo',
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
});

export function formatDateTime(value: Date | string | null | undefined): string {
	if (value === null || value === undefined) return '—';
	const date = value instanceof Date ? value : new Date(value);
	return Number.isNaN(date.getTime()) ? String(value) : DATE_TIME.format(date).replace(',', '');
}

/** 'YYYY-MM-DD' → 'DD/MM/AAAA'. */
export function formatDay(day: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

export function formatDocumentLabeled(document: string): string {
	return `${document.length === 11 ? 'CPF' : 'CNPJ'} ${formatDocument(document)}`;
}

export { formatCustomerId };

/** '+5511987654321' → '+55 11 98765-4321'. */
export function formatPhone(phone: string): string {
	const match = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(phone);
	return match ? `+55 ${match[1]} ${match[2]}-${match[3]}` : phone;
}
