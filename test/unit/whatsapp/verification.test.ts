import { answerVerification } from '../../../domain/whatsapp';

const query = (overrides: Record<string, unknown> = {}) => ({
	'hub.mode': 'subscribe',
	'hub.challenge': '1158201444',
	'hub.verify_token': 'meu-token-de-verificacao',
	...overrides,
});

describe('Meta webhook verification handshake', () => {
	it('answers 200 with the challenge as text when the verify token matches', () => {
		expect(answerVerification(query(), 'meu-token-de-verificacao')).toEqual({ status: 200, body: '1158201444' });
	});

	it('answers 403 for a wrong token', () => {
		expect(answerVerification(query({ 'hub.verify_token': 'outro' }), 'meu-token-de-verificacao').status).toBe(403);
		expect(answerVerification(query({ 'hub.verify_token': 'meu-token-de-verificacaO' }), 'meu-token-de-verificacao').status).toBe(403);
	});

	it('answers 403 for a missing token, mode other than subscribe, or a missing challenge', () => {
		const token = 'meu-token-de-verificacao';
		expect(answerVerification(query({ 'hub.verify_token': undefined }), token).status).toBe(403);
		expect(answerVerification(query({ 'hub.mode': 'unsubscribe' }), token).status).toBe(403);
		expect(answerVerification(query({ 'hub.challenge': '' }), token).status).toBe(403);
		expect(answerVerification({}, token).status).toBe(403);
	});

	it('never verifies when no verify token is configured', () => {
		expect(answerVerification(query({ 'hub.verify_token': '' }), '').status).toBe(403);
	});
});
