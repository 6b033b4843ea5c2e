// Scrubs secrets out of any text that may reach an error, a log or an n8n item. Provider tokens
// have recognisable shapes; query parameters and JSON fields with secret names are masked too.
const PATTERNS: Array<[RegExp, string]> = [
	// Mercado Livre / Mercado Pago tokens: APP_USR-…, TG-… (refresh), TEST-…
	[/\b(APP_USR|TG|TEST)-[A-Za-z0-9-]{8,}/g, '$1-***'],
	// Bearer headers quoted in messages
	[/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***'],
	// key=value in query strings or form bodies
	[
		/\b(access_token|refresh_token|client_secret|code_verifier|code|token|api_key|apikey|password|developer-token)=([^&\s"']+)/gi,
		'$1=***',
	],
	// "key": "value" in JSON
	[
		/"(access_token|refresh_token|client_secret|code_verifier|accessToken|refreshToken|clientSecret|token|password)"\s*:\s*"[^"]*"/gi,
		'"$1":"***"',
	],
];

export function redact(text: string): string {
	let out = text;
	for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
	return out;
}
