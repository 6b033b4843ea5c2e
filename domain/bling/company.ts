// The Bling account (company) behind a token: GET /empresas/me/dados-basicos →
// {"data":{"id":…,"nome":"…","cnpj":"…",…}}. Bling does not publish the field list of this answer;
// the account id is `id` when present, else the CNPJ's digits (one CNPJ, one Bling company).
import type { BlingClient } from './client';

export interface BlingCompany {
	accountId: string | null;
	name: string | null;
}

export function readBlingCompany(body: unknown): BlingCompany {
	const data = (body && typeof body === 'object' ? (body as { data?: unknown }).data : undefined) ?? body;
	const company = (Array.isArray(data) ? data[0] : data) as Record<string, unknown> | undefined;
	if (!company || typeof company !== 'object') return { accountId: null, name: null };
	const id = company.id;
	const cnpj = typeof company.cnpj === 'string' ? company.cnpj.replace(/\D/g, '') : '';
	const accountId = (typeof id === 'number' || (typeof id === 'string' && id.trim() !== '')) ? String(id).trim() : cnpj || null;
	const name = typeof company.nome === 'string' && company.nome.trim() ? company.nome.trim().slice(0, 200) : null;
	return { accountId, name };
}

export async function getBlingCompany(client: BlingClient): Promise<BlingCompany> {
	const { body } = await client.get<unknown>('empresas.me', '/empresas/me/dados-basicos');
	return readBlingCompany(body);
}
