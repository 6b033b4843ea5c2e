// Errors of the warehouse that callers act on. Messages are pt-BR (staff read them) and never
// contain a token.
import { UserInputError } from '../validation/errors';

export class ClientNotFoundError extends UserInputError {
	constructor(reference: string) {
		super(`Cliente não encontrado: "${reference}"`);
		this.name = 'ClientNotFoundError';
	}
}

export class DuplicateClientError extends UserInputError {
	constructor(detail: string) {
		super(`Já existe um cliente com ${detail}`);
		this.name = 'DuplicateClientError';
	}
}

export class InvalidStatusTransitionError extends UserInputError {
	constructor(message: string) {
		super(`Mudança de status não permitida: ${message}`);
		this.name = 'InvalidStatusTransitionError';
	}
}

/**
 * Thrown by a token refresher when the provider answers `invalid_grant`: the refresh token is dead
 * and only the client can authorize again. The vault marks the client `needs_reauth`.
 */
export class InvalidGrantError extends Error {
	constructor(message = 'invalid_grant') {
		super(message);
		this.name = 'InvalidGrantError';
	}
}

/** The stored credentials cannot produce an access token until the client authorizes again. */
export class NeedsReauthError extends Error {
	readonly clientId: string;
	readonly provider: string;

	constructor(clientId: string, provider: string) {
		super(`O cliente ${clientId} precisa autorizar o ${provider} novamente (needs_reauth)`);
		this.name = 'NeedsReauthError';
		this.clientId = clientId;
		this.provider = provider;
	}
}

export class NoCredentialsError extends Error {
	constructor(clientId: string, provider: string) {
		super(`O cliente ${clientId} não tem credenciais de ${provider}`);
		this.name = 'NoCredentialsError';
	}
}

export type InviteState = 'valid' | 'used' | 'expired' | 'revoked' | 'not_found';

export class InviteError extends UserInputError {
	readonly state: InviteState;

	constructor(state: InviteState) {
		const messages: Record<InviteState, string> = {
			valid: 'Convite válido',
			used: 'Este convite já foi usado',
			expired: 'Este convite expirou',
			revoked: 'Este convite foi cancelado',
			not_found: 'Convite não encontrado',
		};
		super(messages[state]);
		this.name = 'InviteError';
		this.state = state;
	}
}
