// "Create or find" for the invite workflow: the bot sends either a new client (name, e-mail,
// CPF/CNPJ) or the id of an existing one (re-send). A name that exists already is the same client
// only when the CPF/CNPJ agrees; otherwise it is refused, so two companies never share a record.
import { validateNewClient } from '../validation/client-input';
import { DuplicateClientError, type Client, type Warehouse } from '../warehouse';

export interface ClientReference {
	/** Id or name of an existing client (re-send); when set, the other fields are ignored. */
	clientId?: string | null;
	name?: string | null;
	email?: string | null;
	document?: string | null;
}

export async function createOrFindClient(warehouse: Warehouse, input: ClientReference): Promise<{ client: Client; created: boolean }> {
	const reference = input.clientId?.trim();
	if (reference) return { client: await warehouse.clients.require(reference), created: false };
	const valid = validateNewClient({ name: input.name, email: input.email, document: input.document });
	const existing = await warehouse.clients.findByIdOrName(valid.name);
	if (existing) {
		if (valid.document && existing.document && valid.document !== existing.document) {
			throw new DuplicateClientError(`o nome "${valid.name}" e outro CPF/CNPJ`);
		}
		return { client: existing, created: false };
	}
	return { client: await warehouse.clients.create({ name: valid.name, email: valid.email, document: valid.document }), created: true };
}
