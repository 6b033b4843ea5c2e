// The pure pieces of the optional "Conectar Bling" step: its pages, its e-mail section, the state
// nonce it keeps, and how the Bling account is read from /empresas/me/dados-basicos.
import { randomBytes } from 'node:crypto';
import { readBlingCompany } from '../../../domain/bling/company';
import { safeMessage } from '../../../domain/onboarding/authorization';
import { renderInviteEmail } from '../../../domain/onboarding/invite-email';
import { startLink } from '../../../domain/onboarding/invites';
import { deriveStateKey } from '../../../domain/onboarding/keys';
import { renderPage, type PageKind } from '../../../domain/onboarding/pages';
import { signState, verifyState } from '../../../domain/onboarding/state';

const bling = (kind: PageKind) => renderPage(kind, { provider: 'bling' });

describe('Bling step pages', () => {
	it('confirms "Bling conectado com sucesso" in pt-BR, nothing else to do, no scripts or external resources', () => {
		const page = bling('success');
		expect(page).toMatchObject({ statusCode: 200, title: 'Bling conectado com sucesso' });
		expect(page.html).toContain('lang="pt-BR"');
		expect(page.html).toContain('data-provider="bling"');
		expect(page.html).toMatch(/Não é preciso fazer mais nada/);
		expect(page.html).not.toMatch(/<script|<link|src=|https?:\/\//);
	});

	it.each([
		['denied', /não autorizou o acesso da Viang no Bling/, /abra de novo o link “Conectar Bling”/],
		['session_expired', /só a mais recente vale/, /abra de novo o link “Conectar Bling”/i],
		['provider_error', /vale só um minuto/, /o link continua valendo/],
		['used', /uma única vez/, /novo convite/],
		['expired', /7 dias/, /novo convite/],
		['invalid', /incompleto ou foi alterado/, /exatamente como veio no e-mail/],
	] as const)('"%s" says what happened and what to do', (kind, what, todo) => {
		const page = bling(kind);
		expect(page.html).toMatch(what);
		expect(page.html).toMatch(todo);
		expect(page.html).toMatch(/[Nn]ada foi conectado|nada foi conectado|Se o Bling já foi conectado/);
	});

	it('gives the Bling failures their own titles, apart from Mercado Livre\'s', () => {
		const kinds: PageKind[] = ['denied', 'session_expired', 'provider_error', 'used'];
		for (const kind of kinds) expect(bling(kind).title).not.toBe(renderPage(kind).title);
		expect(bling('provider_error').title).toBe('O Bling não concluiu a conexão');
		expect(new Set(kinds.map((kind) => bling(kind).title)).size).toBe(kinds.length);
	});

	it('leaves the Mercado Livre pages as they were', () => {
		expect(renderPage('success').title).toBe('Integração realizada com sucesso');
		expect(renderPage('success').html).not.toContain('data-provider');
	});
});

describe('invite e-mail with the Bling step', () => {
	const link = startLink('https://n8n.viang.com.br/webhook/onboarding/start', 'ml-token');
	const blingLink = startLink('https://n8n.viang.com.br/webhook/onboarding/bling/start', 'bling-token');
	const expiresAt = new Date('2026-11-29T17:05:00Z');

	it('offers "Conectar Bling" as optional, in text and HTML, with its own single-use link', () => {
		const email = renderInviteEmail({ clientName: 'Loja', link, expiresAt, blingLink });
		expect(email.text).toContain(blingLink);
		expect(email.text).toMatch(/Opcional — sua empresa usa o Bling\?/);
		expect(email.html).toContain(`href="${blingLink}"`);
		expect(email.html).toContain('Conectar Bling');
		expect(email.html).toMatch(/Opcional: sua empresa usa o Bling\?/);
		for (const body of [email.text, email.html]) expect(body).toMatch(/[Uu]ma única vez,? até 29\/11\/2026 às 14:05/);
		// The Mercado Livre link stays first, as the main action.
		expect(email.text.indexOf(link)).toBeLessThan(email.text.indexOf(blingLink));
	});

	it('has no Bling section without a Bling link', () => {
		const email = renderInviteEmail({ clientName: 'Loja', link, expiresAt });
		expect(email.text).not.toMatch(/Bling/);
		expect(email.html).not.toMatch(/Bling/);
	});
});

describe('state nonce', () => {
	const key = deriveStateKey(randomBytes(32));
	it('carries a given nonce, signed', () => {
		const state = signState({ inviteId: 'x', expiresAt: new Date(Date.now() + 60_000), nonce: 'nonce-123' }, key);
		expect(verifyState(state, key)).toMatchObject({ ok: true, nonce: 'nonce-123' });
	});
});

describe('Bling account from /empresas/me/dados-basicos', () => {
	it.each([
		[{ data: { id: 12345, nome: 'Empresa X', cnpj: '11.222.333/0001-81' } }, { accountId: '12345', name: 'Empresa X' }],
		[{ data: { nome: 'Sem Id', cnpj: '11.222.333/0001-81' } }, { accountId: '11222333000181', name: 'Sem Id' }],
		[{ data: [{ id: '77', nome: ' Lista ' }] }, { accountId: '77', name: 'Lista' }],
		[{ data: {} }, { accountId: null, name: null }],
		[null, { accountId: null, name: null }],
	])('reads %j', (body, expected) => {
		expect(readBlingCompany(body)).toEqual(expected);
	});
});

describe('messages for staff', () => {
	it('redact tokens and codes', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
		const hex = 'ab'.repeat(20);
		const message = safeMessage(new Error(`refused ${jwt} and ${hex} and APP_USR-1-abc`));
		expect(message).not.toContain(jwt);
		expect(message).not.toContain(hex);
		expect(message).not.toContain('APP_USR-1');
	});
});
