import { describeGoogleAdsError, parseGoogleAdsErrorBody, validateGoogleAdsConfig } from '../../../domain/googleads';

const failure = (errorCode: Record<string, string>, message: string) => ({
	error: {
		code: 400,
		message: 'Request contains an invalid argument.',
		status: 'INVALID_ARGUMENT',
		details: [
			{
				'@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure',
				errors: [{ errorCode, message }],
				requestId: 'AbCdEf0123456789xyzQWE',
			},
		],
	},
});

describe('Google Ads error bodies', () => {
	it('reads GoogleAdsFailure codes, messages and the request id', () => {
		const parsed = parseGoogleAdsErrorBody(
			failure({ managerLinkError: 'ALREADY_INVITED_BY_THIS_MANAGER' }, 'The customer is already invited by this manager.'),
		);
		expect(parsed).toEqual({
			status: 'INVALID_ARGUMENT',
			message: 'Request contains an invalid argument.',
			requestId: 'AbCdEf0123456789xyzQWE',
			errors: [{ code: 'managerLinkError.ALREADY_INVITED_BY_THIS_MANAGER', message: 'The customer is already invited by this manager.' }],
		});
	});

	it('turns them into a clear English message', () => {
		expect(describeGoogleAdsError(failure({ requestError: 'INVALID_CUSTOMER_ID' }, "Invalid customer ID '1234567890'."))).toEqual({
			code: 'requestError.INVALID_CUSTOMER_ID',
			message:
				"the customer id does not exist or is not valid — Invalid customer ID '1234567890'. (request id AbCdEf0123456789xyzQWE)",
		});
		expect(describeGoogleAdsError({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })).toEqual({
			code: 'invalid_grant',
			message:
				'the refresh token is invalid or revoked: authorize the Google account again and update the credential — Token has been expired or revoked.',
		});
		expect(describeGoogleAdsError({ error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } })).toEqual({
			code: 'UNAUTHENTICATED',
			message: 'Request had invalid authentication credentials.',
		});
	});
});

describe('validateGoogleAdsConfig', () => {
	it('names what is missing without echoing secrets', () => {
		expect(() => validateGoogleAdsConfig({ developerToken: 'secret-dev', clientId: 'x' })).toThrow(
			'Google Ads configuration is missing: OAuth client secret, refresh token, manager customer ID',
		);
	});

	it('defaults to v26 and Google’s hosts, and normalises the manager id', () => {
		const config = validateGoogleAdsConfig({
			developerToken: 'd',
			clientId: 'c',
			clientSecret: 's',
			refreshToken: 'r',
			managerCustomerId: '999-888-7777',
		});
		expect(config).toMatchObject({
			apiVersion: 'v26',
			apiUrl: 'https://googleads.googleapis.com',
			tokenUrl: 'https://oauth2.googleapis.com/token',
			managerCustomerId: '9998887777',
		});
	});
});
