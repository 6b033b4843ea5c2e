import { renderPage, type PageKind } from '../../../domain/onboarding/pages';

const kinds: PageKind[] = ['success', 'denied', 'expired', 'used', 'revoked', 'invalid', 'session_expired', 'provider_error', 'account_mismatch'];

describe('seller pages', () => {
	it('confirms the integration in pt-BR with nothing else to do', () => {
		const page = renderPage('success');
		expect(page).toMatchObject({ statusCode: 200, title: 'Integração realizada com sucesso' });
		expect(page.html).toContain('lang="pt-BR"');
		expect(page.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
		expect(page.html).toContain('VIANG');
		expect(page.html).toMatch(/Não é preciso fazer mais nada/);
		expect(page.html).not.toMatch(/<script|<link|src=|https?:\/\//);
	});

	it.each(kinds)('"%s" has its own title, an HTTP status and what to do', (kind) => {
		const page = renderPage(kind);
		expect(page.html).toContain(`data-page="${kind}"`);
		expect(page.html).toContain(`<h1>${page.title}</h1>`);
		expect(page.statusCode).toBeGreaterThanOrEqual(200);
		expect(page.html).not.toMatch(/<script/);
	});

	it('gives every failure a distinct title', () => {
		const titles = kinds.map((kind) => renderPage(kind).title);
		expect(new Set(titles).size).toBe(kinds.length);
	});

	it('names the account that authorized on a mismatch, escaped', () => {
		const page = renderPage('account_mismatch', { nickname: '<b>LOJA</b>' });
		expect(page.html).toContain('(&lt;b&gt;LOJA&lt;/b&gt;)');
		expect(page.html).toMatch(/nada foi conectado/);
	});
});
