import { z } from 'zod';

// zod's e-mail rule (RFC-ish, no quoted local parts) plus a length cap; normalised to lower case.
const emailSchema = z.string().trim().max(254).email();

export function isValidEmail(value: string): boolean {
	return emailSchema.safeParse(value).success;
}

export function normalizeEmail(value: string): string {
	return value.trim().toLowerCase();
}
