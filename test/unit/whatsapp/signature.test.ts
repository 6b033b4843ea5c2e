import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from '../../../domain/whatsapp';

const SECRET = 'app-secret-0123456789';
const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [] }] }));
const metaSignature = (raw: Buffer, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

describe('X-Hub-Signature-256', () => {
	it('accepts Meta\'s signature of the raw body', () => {
		expect(verifySignature(body, metaSignature(body), SECRET)).toEqual({ valid: true });
		expect(signBody(body, SECRET)).toBe(metaSignature(body));
	});

	it('accepts upper-case hex and a header given as an array', () => {
		const signature = metaSignature(body).replace(/[0-9a-f]{64}/, (hex) => hex.toUpperCase());
		expect(verifySignature(body, [signature], SECRET)).toEqual({ valid: true });
	});

	it('refuses a signature made with another secret', () => {
		expect(verifySignature(body, metaSignature(body, 'other-secret'), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('refuses a missing or empty header', () => {
		expect(verifySignature(body, undefined, SECRET)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature(body, '', SECRET)).toEqual({ valid: false, reason: 'missing' });
	});

	it('refuses malformed headers (sha1, no prefix, short hex)', () => {
		const hex = metaSignature(body).slice('sha256='.length);
		expect(verifySignature(body, `sha1=${hex}`, SECRET).valid).toBe(false);
		expect(verifySignature(body, hex, SECRET)).toEqual({ valid: false, reason: 'malformed' });
		expect(verifySignature(body, `sha256=${hex.slice(2)}`, SECRET)).toEqual({ valid: false, reason: 'malformed' });
	});

	it('refuses a body altered by one byte', () => {
		const signature = metaSignature(body);
		for (const index of [0, Math.floor(body.length / 2), body.length - 1]) {
			const altered = Buffer.from(body);
			altered[index] = altered[index] ^ 0x01;
			expect(verifySignature(altered, signature, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		}
	});

	it('refuses the same JSON re-serialised with other spacing (only raw bytes count)', () => {
		const pretty = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));
		expect(verifySignature(pretty, metaSignature(body), SECRET).valid).toBe(false);
	});

	it('refuses everything without an app secret or a body', () => {
		expect(verifySignature(body, metaSignature(body, ''), '')).toEqual({ valid: false, reason: 'no_secret' });
		expect(verifySignature(undefined, metaSignature(body), SECRET)).toEqual({ valid: false, reason: 'no_body' });
	});
});
