import { formatExpiry, renderInviteEmail } from '../../../domain/onboarding/invite-email';
import { startLink } from '../../../domain/onboarding/invites';

describe('invite e-mail', () => {
	const link = startLink('https://n8n.viang.com.br/webhook/onboarding/start', 'tok_en-123');
	const email = renderInviteEmail({ clientName: 'Loja <Teste>', link, expiresAt: new Date('2026-11-29T17:05:00Z') });

	it('builds the Viang start link with the token only', () => {
		expect(link).toBe('https://n8n.viang.com.br/webhook/onboarding/start?convite=tok_en-123');
	});

	it('is pt-BR, in text and HTML, with the link, who Viang is and what access is granted', () => {
		expect(email.subject).toBe('Viang: autorize a integração da sua conta do Mercado Livre');
		for (const body of [email.text, email.html]) {
			expect(body).toMatch(/A Viang é a plataforma de inteligência de dados/);
			expect(body).toMatch(/pedidos e vendas/);
			expect(body).toMatch(/Product Ads/);
			expect(body).toMatch(/não recebe a sua senha/);
			expect(body).toMatch(/uma única vez/);
			expect(body).toContain('29/11/2026 às 14:05');
		}
		expect(email.text).toContain(link);
		expect(email.html).toContain(`href="${link}"`);
	});

	it('escapes the client name in HTML', () => {
		expect(email.html).toContain('Olá, Loja &lt;Teste&gt;!');
		expect(email.text).toContain('Olá, Loja <Teste>!');
	});

	it('formats the expiry in Brasília time', () => {
		expect(formatExpiry(new Date('2026-01-01T02:30:00Z'))).toBe('31/12/2025 às 23:30');
	});
});
