import {
	appFromRecord,
	describeGraphError,
	findPhoneNumber,
	InvalidPhoneNumberError,
	NoWabaConfiguredError,
	NumberNotInAppError,
	parseWabaIds,
	readinessWarnings,
	redactMetaTokens,
	whatsAppStaffFailure,
	type PhoneNumber,
} from '../../../domain/whatsapp';

const numbers: Record<string, PhoneNumber[]> = {
	'111': [{ id: '9001', display_phone_number: '+55 11 98765-4321', verified_name: 'Loja A', waba_id: '111' }],
	'222': [{ id: '9002', display_phone_number: '+1 555-078-3881', verified_name: 'Test', waba_id: '222' }],
};
const client = {
	listAllPhoneNumbers: async (wabaIds: string[]) => wabaIds.flatMap((id) => numbers[id] ?? []),
};

describe('the quick wizard', () => {
	it('finds a number across the WABAs however staff type it', async () => {
		for (const typed of ['+55 11 98765-4321', '5511987654321', '(11) 98765-4321', '11987654321', '9001']) {
			await expect(findPhoneNumber(client, ['222', '111'], typed)).resolves.toMatchObject({ id: '9001', waba_id: '111' });
		}
		await expect(findPhoneNumber(client, ['111', '222'], '15550783881')).resolves.toMatchObject({ id: '9002' });
	});

	it('says (pt-BR) what the client must do when the number is not in the app yet', async () => {
		const error = await findPhoneNumber(client, ['111', '222'], '+55 21 99999-0000').catch((e) => e);
		expect(error).toBeInstanceOf(NumberNotInAppError);
		expect(error.message).toMatch(/O número \+55 21 99999-0000 ainda não foi adicionado ao app Meta da Viang/);
		expect(error.message).toMatch(/procurado em 2 conta\(s\) WhatsApp Business: 111, 222/);
		expect(error.message).toMatch(/Números já no app: \+55 11 98765-4321, \+1 555-078-3881/);
		expect(error.message).toMatch(/O que o cliente precisa fazer: .*adicionar este número.*rode o assistente de novo/);
	});

	it('needs at least one WABA', async () => {
		await expect(findPhoneNumber(client, [], '5511987654321')).rejects.toBeInstanceOf(NoWabaConfiguredError);
	});

	it('warns when the number is not ready to send', () => {
		expect(readinessWarnings({ ...numbers['111'][0], code_verification_status: 'NOT_VERIFIED', status: 'PENDING' })).toHaveLength(2);
		expect(readinessWarnings({ ...numbers['111'][0], code_verification_status: 'VERIFIED', status: 'CONNECTED' })).toEqual([]);
	});
});

describe('credential values', () => {
	it('reads the app with defaults', () => {
		const app = appFromRecord({ appId: ' 42 ', accessToken: 'EAAtoken', wabaIds: '111, 222 ,111', graphVersion: '', baseUrl: '' });
		expect(app).toMatchObject({ appId: '42', wabaIds: ['111', '222'], graphVersion: 'v26.0', baseUrl: 'https://graph.facebook.com' });
		expect(appFromRecord({ graphVersion: '25', baseUrl: 'http://127.0.0.1:9/' })).toMatchObject({ graphVersion: 'v25.0', baseUrl: 'http://127.0.0.1:9' });
		expect(() => appFromRecord({ graphVersion: 'latest' })).toThrow(/v26\.0/);
		expect(parseWabaIds(undefined)).toEqual([]);
	});
});

describe('Graph errors', () => {
	it('reads code and message, with the details', () => {
		expect(
			describeGraphError({
				error: { message: '(#130429) Rate limit hit', code: 130429, error_data: { details: 'Cloud API message throughput has been reached.' } },
			}),
		).toEqual({ code: '130429', message: '(#130429) Rate limit hit — Cloud API message throughput has been reached.' });
	});

	it('never repeats a token Meta quotes back', () => {
		const token = 'EAAGm0PX4ZCpsBAKZCx1234567890abcdef';
		const described = describeGraphError({ error: { message: `Malformed access token ${token}`, code: 190 } });
		expect(described.message).toBe('Malformed access token EAA***');
		expect(redactMetaTokens('secret is s3cr3t-value', 's3cr3t-value')).toBe('secret is ***');
	});
});

describe('what staff read', () => {
	it('tells a typo apart from a number not in the app, before any call', async () => {
		const never = { listAllPhoneNumbers: async () => Promise.reject(new Error('must not be called')) };
		for (const typed of ['abc', '+55 11 987', '', '11 9876-ABCD']) {
			const error = await findPhoneNumber(never, ['111'], typed).catch((e) => e);
			expect(error).toBeInstanceOf(InvalidPhoneNumberError);
			expect(error.message).toMatch(/^Número de WhatsApp inválido/);
		}
	});

	it('marks input problems as such, and never repeats a token', () => {
		expect(whatsAppStaffFailure(new InvalidPhoneNumberError('abc'))).toMatchObject({ userError: true });
		const failure = whatsAppStaffFailure(new Error('boom EAABsecretsecretsecret'), 'EAABsecretsecretsecret');
		expect(failure).toMatchObject({ userError: false });
		expect(failure.message).not.toContain('EAABsecret');
	});
});
