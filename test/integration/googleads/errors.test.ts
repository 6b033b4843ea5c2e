// Every failure: bad input (nothing sent, nothing written), Google's refusals (clear message, a
// failed history row with the request id, state untouched), OAuth failures and token handling.
import { ApiError } from '../../../domain/http';
import { GoogleAdsClient, GoogleAdsInputError, validateGoogleAdsConfig } from '../../../domain/googleads';
import { historyOf, linkOf, startHarness, type Harness } from './harness';

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

describe('Google Ads MCC failures', () => {
	let h: Harness;
	let clientId: string;

	beforeAll(async () => {
		h = await startHarness();
		clientId = await h.createClient('Acme');
	});

	afterAll(async () => {
		await h.close();
	});

	beforeEach(() => {
		h.fake.permissionDenied = false;
		h.fake.quotaExhaustedCalls = 0;
	});

	const rowCounts = async () =>
		(await h.sql<{ links: string; history: string }>(
			'select (select count(*) from google_ads_links) as links, (select count(*) from google_ads_link_history) as history',
		))[0];

	it.each([
		['123456789', 'invalid_customer_id', /9 digits/],
		['12345abcde', 'invalid_customer_id', /only digits and dashes/],
		['999-888-7777', 'manager_customer_id', /is the manager account \(MCC\) itself/],
	])('refuses %j before any call or write', async (input, code, message) => {
		const before = { requests: h.fake.server.requests.length, rows: await rowCounts() };
		const error = await failure(h.service().invite(clientId, input));
		expect(error).toBeInstanceOf(GoogleAdsInputError);
		expect((error as GoogleAdsInputError).code).toBe(code);
		expect(error.message).toMatch(message);
		expect(h.fake.server.requests.length).toBe(before.requests);
		expect(await rowCounts()).toEqual(before.rows);
	});

	it('refuses an unknown client without calling Google', async () => {
		const before = h.fake.server.requests.length;
		const error = await failure(h.service().invite('Nobody', '1234567890'));
		expect(error).toMatchObject({ code: 'client_not_found', message: 'Client "Nobody" not found in the warehouse' });
		expect(h.fake.server.requests.length).toBe(before);
	});

	it('an account that does not exist: INVALID_CUSTOMER_ID, a failed history row, no link', async () => {
		const error = await failure(h.service('n8n').invite(clientId, '1010101010'));
		expect(error).toBeInstanceOf(ApiError);
		expect(error).toMatchObject({ status: 400, code: 'requestError.INVALID_CUSTOMER_ID' });
		expect(error.message).toMatch(/^Google Ads customerClientLinks\.create \(POST \/v26\/customers\/9998887777\/customerClientLinks:mutate\) failed with HTTP 400 \[requestError\.INVALID_CUSTOMER_ID\]: the customer id does not exist or is not valid — Invalid customer ID '1010101010'\. \(request id [A-Za-z0-9]{22}\)$/);
		expect(await linkOf(h, clientId)).toBeUndefined();
		const [row] = await historyOf(h, clientId);
		expect(row).toMatchObject({
			customer_id: '1010101010',
			from_status: 'NOT_LINKED',
			to_status: 'NOT_LINKED',
			cause: 'invite',
			actor: 'n8n',
			outcome: 'failed',
			error_code: 'requestError.INVALID_CUSTOMER_ID',
		});
		expect(row.api_request_id).toMatch(/^[A-Za-z0-9]{22}$/);
		expect(error.message).toContain(String(row.api_request_id));
	});

	it('permission denied (OAuth user without access to the MCC) is explained', async () => {
		h.fake.permissionDenied = true;
		const error = await failure(h.service().invite(clientId, '1234567890'));
		expect(error).toMatchObject({ status: 403, code: 'authorizationError.USER_PERMISSION_DENIED' });
		expect(error.message).toContain('the OAuth user has no access to the manager account');
		expect(error.message).toContain("login-customer-id");
	});

	it('quota exhausted (429 RESOURCE_EXHAUSTED) gives up after a few attempts with a clear message', async () => {
		h.fake.quotaExhaustedCalls = Infinity;
		const calls = h.fake.apiCalls().length;
		const error = await failure(h.service().invite(clientId, '1234567890'));
		expect(error).toMatchObject({ status: 429, kind: 'rate_limited', code: 'quotaError.RESOURCE_EXHAUSTED' });
		expect(error.message).toContain('the Google Ads API quota is used up: try again later');
		expect(h.fake.apiCalls().length - calls).toBe(3);
	});

	it('a 429 that clears is retried and the invitation goes through', async () => {
		h.fake.quotaExhaustedCalls = 1;
		const result = await h.service().invite(clientId, '1234567890');
		expect(result.action).toBe('invited');
	});

	it('Google refuses a second invitation of a pending account (ALREADY_INVITED_BY_THIS_MANAGER)', async () => {
		const error = await failure(h.api().createInvitation('1234567890'));
		expect(error).toMatchObject({ status: 400, code: 'managerLinkError.ALREADY_INVITED_BY_THIS_MANAGER' });
		expect(error.message).toContain('this account already has a pending invitation from the manager account');
	});

	it('another account for a client with a pending one is refused before any call', async () => {
		const before = h.fake.server.requests.length;
		const error = await failure(h.service().invite(clientId, '2223334444'));
		expect(error).toMatchObject({ code: 'account_in_use' });
		expect(error.message).toBe(
			'Client "Acme" already has Google Ads account 123-456-7890 (PENDING): withdraw the invitation or unlink it first',
		);
		expect(h.fake.server.requests.length).toBe(before);
	});

	it('unlink of a pending invitation and withdraw of an active link are refused with the state', async () => {
		const unlink = await failure(h.service().unlink(clientId));
		expect(unlink).toMatchObject({ code: 'not_linked' });
		expect(unlink.message).toBe('Google Ads account 123-456-7890 of client "Acme" is not linked (status PENDING)');
		h.fake.accept('1234567890');
		const withdraw = await failure(h.service().withdraw(clientId));
		expect(withdraw).toMatchObject({ code: 'not_pending' });
		expect(withdraw.message).toBe('Google Ads account 123-456-7890 of client "Acme" has no pending invitation (status APPROVED)');
		// The approval it saw on the way is recorded.
		expect((await linkOf(h, clientId)).status).toBe('APPROVED');
		const other = await h.createClient('Nolink');
		expect(await failure(h.service().withdraw(other))).toMatchObject({ code: 'no_account_on_file' });
	});

	it('an expired access token is replaced once and the call succeeds', async () => {
		const api = h.api();
		await api.listLinks();
		const tokens = h.fake.tokenCalls().length;
		h.fake.expireAccessTokens();
		expect((await api.listLinks()).length).toBeGreaterThan(0);
		expect(h.fake.tokenCalls().length).toBe(tokens + 1);
	});

	it('a revoked refresh token (invalid_grant) and a wrong client secret are explained, without secrets', async () => {
		const revoked = new GoogleAdsClient(validateGoogleAdsConfig({ ...h.fake.config(), refreshToken: '1//wrong-refresh' }), {
			retry: { baseDelayMs: 1 },
		});
		const grant = await failure(revoked.listLinks());
		expect(grant).toMatchObject({ status: 400, code: 'invalid_grant' });
		expect(grant.message).toContain('the refresh token is invalid or revoked');
		expect(grant.message).not.toContain('1//wrong-refresh');

		const badSecret = new GoogleAdsClient(validateGoogleAdsConfig({ ...h.fake.config(), clientSecret: 'nope-secret' }), {
			retry: { baseDelayMs: 1 },
		});
		const client = await failure(badSecret.listLinks());
		expect(client).toMatchObject({ status: 401, code: 'invalid_client' });
		expect(client.message).not.toContain('nope-secret');
	});

	it('a wrong developer token is reported as such', async () => {
		const api = new GoogleAdsClient(validateGoogleAdsConfig({ ...h.fake.config(), developerToken: 'bad-dev-token' }), {
			retry: { baseDelayMs: 1 },
		});
		const error = await failure(api.listLinks());
		expect(error).toMatchObject({ status: 401, code: 'authenticationError.DEVELOPER_TOKEN_INVALID' });
		expect(error.message).toContain('the developer token is not valid');
		expect(error.message).not.toContain('bad-dev-token');
	});

	it('the manager account query (credential test) works', async () => {
		expect(await h.api().managerAccount()).toEqual({
			customerId: '9998887777',
			descriptiveName: 'Viang MCC',
			manager: true,
			level: 0,
			status: 'ENABLED',
		});
	});
});
