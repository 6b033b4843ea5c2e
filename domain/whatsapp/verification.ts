// Meta's subscription handshake: GET <callback>?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…
// → 200 with the challenge as plain text when the token is ours, 403 otherwise.
import { timingSafeEqual } from 'node:crypto';

export interface HandshakeAnswer {
	status: 200 | 403;
	body: string;
}

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

export function answerVerification(query: Record<string, unknown>, verifyToken: string): HandshakeAnswer {
	const mode = query['hub.mode'];
	const token = query['hub.verify_token'];
	const challenge = query['hub.challenge'];
	if (
		verifyToken !== '' &&
		mode === 'subscribe' &&
		typeof token === 'string' &&
		typeof challenge === 'string' &&
		challenge !== '' &&
		sameText(token, verifyToken)
	) {
		return { status: 200, body: challenge };
	}
	return { status: 403, body: 'Forbidden' };
}
