// Finding the client a command names: exact name (any case) or id; otherwise a suggestion of
// names that contain what was typed.
import type { Client } from '../domain/warehouse/types';
import { splitClientAndValue } from './args';
import { clientNotFound } from './messages';
import type { BotServices } from './services';
import type { Checked } from './wizard/validation';

export type Lookup<T> = { ok: true; client: Client; value: T } | { ok: false; error: string };

async function notFoundMessage(services: BotServices, reference: string): Promise<string> {
	const needle = reference.trim().toLowerCase();
	const similar = needle.length >= 2 ? (await services.clients.list()).filter((client) => client.name.toLowerCase().includes(needle)) : [];
	if (similar.length === 0) return clientNotFound(reference);
	const names = similar.slice(0, 5).map((client) => `• ${client.name}`);
	return `${clientNotFound(reference)}\nVocê quis dizer:\n${names.join('\n')}`;
}

export async function findClient(services: BotServices, reference: string): Promise<Lookup<undefined>> {
	const client = await services.clients.findByIdOrName(reference);
	if (client) return { ok: true, client, value: undefined };
	return { ok: false, error: await notFoundMessage(services, reference) };
}

/**
 * `<cliente> <valor>`: tries each way to split the text (the value has up to `maxValueTokens`
 * words) and keeps the one naming an existing client with a valid value.
 */
export async function findClientAndValue<T>(
	services: BotServices,
	text: string,
	maxValueTokens: number,
	check: (value: string) => Checked<T>,
): Promise<Lookup<T> | undefined> {
	const splits = splitClientAndValue(text, maxValueTokens);
	if (splits.length === 0) return undefined;
	let firstInvalid: { error: string } | undefined;
	for (const split of splits) {
		const client = await services.clients.findByIdOrName(split.client);
		if (!client) continue;
		const checked = check(split.value);
		if (checked.ok) return { ok: true, client, value: checked.value };
		firstInvalid ??= { error: checked.error };
	}
	if (firstInvalid) return { ok: false, error: firstInvalid.error };
	// No split names a client: report the most plausible name (the one left by a valid value).
	const plausible = [...splits].reverse().find((split) => check(split.value).ok) ?? splits[0];
	return { ok: false, error: await notFoundMessage(services, plausible.client) };
}
