// Errors and log lines must never carry a token. Known secrets are replaced wherever they occur,
// and anything that looks like a bearer token or an OAuth token field is masked as well.

const PATTERNS: RegExp[] = [
	/(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
	/((?:access_token|refresh_token|client_secret|code_verifier|code|token)["']?\s*[:=]\s*["']?)[^"'&\s,}]{6,}/gi,
	/\bAPP_USR-[A-Za-z0-9-]{8,}/g,
	/\bTG-[A-Za-z0-9-]{8,}/g,
];

export function redactSecrets(text: string, secrets: Array<string | null | undefined> = []): string {
	let result = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
	}
	for (const pattern of PATTERNS) {
		result = result.replace(pattern, (match, prefix?: string) =>
			typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]',
		);
	}
	return result;
}

export function errorMessage(error: unknown, secrets: Array<string | null | undefined> = []): string {
	const message = error instanceof Error ? error.message : String(error);
	return redactSecrets(message, secrets);
}
