import { buildClientDashboardLink, MAX_LINK_MINUTES, validateLinkMinutes } from '../../../domain/metabase/embed-link';
import { verifyHs256 } from '../../../domain/metabase/jwt';
import { UserInputError } from '../../../domain/validation/errors';

const SECRET = 'a'.repeat(64);
const CLIENT = '3f2b6c1e-1d2a-4b7c-9e8f-0a1b2c3d4e5f';
const NOW = new Date('2026-03-20T12:00:00Z');

function tokenOf(url: string): string {
	const match = /\/embed\/dashboard\/([^#]+)#/.exec(url);
	if (!match) throw new Error(`no token in ${url}`);
	return match[1];
}

describe('buildClientDashboardLink', () => {
	it('signs the dashboard with the client parameter locked and an expiry', () => {
		const link = buildClientDashboardLink({ siteUrl: 'https://bi.viang.com.br/', secret: SECRET, dashboardId: 7, clientId: CLIENT, expiresInMinutes: 15, now: NOW });
		expect(link.url).toBe(`https://bi.viang.com.br/embed/dashboard/${link.token}#bordered=true&titled=true`);
		expect(tokenOf(link.url)).toBe(link.token);
		const payload = verifyHs256(link.token, SECRET, NOW.getTime());
		expect(payload).toEqual({ resource: { dashboard: 7 }, params: { cliente: CLIENT }, exp: NOW.getTime() / 1000 + 15 * 60 });
		expect(link.expiresAt.toISOString()).toBe('2026-03-20T12:15:00.000Z');
	});

	it('expires: a verifier rejects the token after exp', () => {
		const link = buildClientDashboardLink({ siteUrl: 'https://bi.x', secret: SECRET, dashboardId: 1, clientId: CLIENT, expiresInMinutes: 1, now: NOW });
		expect(() => verifyHs256(link.token, SECRET, NOW.getTime() + 60_000)).toThrow('token expired');
		expect(() => verifyHs256(link.token, 'b'.repeat(64), NOW.getTime())).toThrow('bad signature');
	});

	it('a token for one client cannot be turned into another client’s token without the secret', () => {
		const link = buildClientDashboardLink({ siteUrl: 'https://bi.x', secret: SECRET, dashboardId: 1, clientId: CLIENT, now: NOW });
		const [header, payload, signature] = link.token.split('.');
		const other = JSON.parse(Buffer.from(payload, 'base64url').toString());
		other.params.cliente = '00000000-0000-4000-8000-000000000000';
		const forged = `${header}.${Buffer.from(JSON.stringify(other)).toString('base64url')}.${signature}`;
		expect(() => verifyHs256(forged, SECRET, NOW.getTime())).toThrow('bad signature');
	});

	it('defaults to 60 minutes and lowercases the client id (as client_id::text prints it)', () => {
		const link = buildClientDashboardLink({ siteUrl: 'https://bi.x', secret: SECRET, dashboardId: 1, clientId: CLIENT.toUpperCase(), now: NOW });
		const payload = verifyHs256(link.token, SECRET, NOW.getTime()) as { params: { cliente: string }; exp: number };
		expect(payload.params.cliente).toBe(CLIENT);
		expect(payload.exp).toBe(NOW.getTime() / 1000 + 3600);
	});

	it('rejects bad input with pt-BR messages', () => {
		const base = { siteUrl: 'https://bi.x', secret: SECRET, dashboardId: 1, clientId: CLIENT, now: NOW };
		expect(() => buildClientDashboardLink({ ...base, clientId: 'acme' })).toThrow(/Cliente inválido/);
		expect(() => buildClientDashboardLink({ ...base, secret: '' })).toThrow(/METABASE_EMBEDDING_SECRET/);
		expect(() => buildClientDashboardLink({ ...base, dashboardId: 0 })).toThrow(/provision/);
		expect(() => buildClientDashboardLink({ ...base, siteUrl: 'não é url' })).toThrow(UserInputError);
		expect(() => buildClientDashboardLink({ ...base, expiresInMinutes: 0 })).toThrow(/minutos/);
		expect(() => buildClientDashboardLink({ ...base, expiresInMinutes: MAX_LINK_MINUTES + 1 })).toThrow(/minutos/);
	});

	it('reads minutes from text', () => {
		expect(validateLinkMinutes('30')).toBe(30);
		expect(() => validateLinkMinutes('30m')).toThrow(UserInputError);
		expect(() => validateLinkMinutes(1.5)).toThrow(UserInputError);
	});
});
