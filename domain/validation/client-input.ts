// What it takes to register a client, checked before anything is written (CLI, bot, nodes).
import { z } from 'zod';
import { parseDocument } from './document';
import { isValidEmail, normalizeEmail } from './email';
import { ValidationError } from './errors';

export interface NewClientInput {
	/** Optional in the type so raw input (CLI, forms) can be passed as is; required by the rules. */
	name?: string | null;
	email?: string | null;
	document?: string | null;
	mlUserId?: string | null;
}

export interface ValidNewClient {
	name: string;
	email: string;
	document: string | null;
	mlUserId: string | null;
}

const schema = z.object({
	name: z
		.string({ required_error: 'Informe o nome do cliente' })
		.trim()
		.min(1, 'Informe o nome do cliente')
		.max(200, 'O nome do cliente pode ter no máximo 200 caracteres'),
	email: z
		.string({ required_error: 'Informe o e-mail de contato' })
		.refine(isValidEmail, (value) => ({ message: `E-mail inválido: "${value}"` }))
		.transform(normalizeEmail),
	document: z
		.string()
		.nullish()
		.transform((value, context) => {
			if (value === null || value === undefined || value.trim() === '') return null;
			const parsed = parseDocument(value);
			if (!parsed) {
				context.addIssue({
					code: z.ZodIssueCode.custom,
					message: `CPF/CNPJ inválido: "${value}" (dígitos verificadores não conferem)`,
				});
				return z.NEVER;
			}
			return parsed.value;
		}),
	mlUserId: z
		.string()
		.trim()
		.regex(/^\d{1,20}$/, 'O ID de usuário do Mercado Livre deve ter só números')
		.nullish()
		.transform((value) => value ?? null),
});

/** Throws a ValidationError (pt-BR message, first problem found) or returns the normalised input. */
export function validateNewClient(input: NewClientInput): ValidNewClient {
	const result = schema.safeParse(input);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new ValidationError(String(issue.path[0] ?? 'input'), issue.message);
	}
	return result.data;
}
