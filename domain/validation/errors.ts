// Errors caused by what a person typed or chose: shown as they are (pt-BR) and, in the CLI,
// exit code 2 with nothing written.
export class UserInputError extends Error {
	readonly exitCode = 2;

	constructor(message: string) {
		super(message);
		this.name = 'UserInputError';
	}
}

export class ValidationError extends UserInputError {
	readonly field: string;

	constructor(field: string, message: string) {
		super(message);
		this.name = 'ValidationError';
		this.field = field;
	}
}

/**
 * A failed action as staff should read it: the pt-BR message, whether it was their input (webhooks
 * answer 4xx and nothing was changed) or a failure elsewhere (5xx), and a stable code when known.
 */
export interface StaffFailure {
	message: string;
	userError: boolean;
	code?: string;
}
