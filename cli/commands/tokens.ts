// `viang tokens rotate-key`: re-encrypts every stored secret with VIANG_TOKEN_KEY (old keys in
// VIANG_TOKEN_KEY_PREVIOUS, comma-separated).
import { TokenCipher } from '../../domain/crypto/token-cipher';
import { UserInputError } from '../../domain/validation/errors';
import { withWarehouseFromEnv } from '../../domain/warehouse/warehouse';
import { parseCommandArgs, type CliIo } from '../viang';

export const summary = 'tokens cifrados: rotate-key';
const USAGE = 'viang tokens rotate-key   (VIANG_TOKEN_KEY = chave nova, VIANG_TOKEN_KEY_PREVIOUS = antigas)';

export async function run(args: string[], io: CliIo): Promise<number> {
	const { positionals } = parseCommandArgs(args, {}, USAGE);
	if (positionals[0] !== 'rotate-key' || positionals.length > 1) throw new UserInputError(`Uso: ${USAGE}`);
	// Checked before connecting: a bad key is bad input, and nothing is written.
	const cipher = TokenCipher.fromEnv(io.env);
	const result = await withWarehouseFromEnv((warehouse) => warehouse.tokens.rotateKey(), io.env);
	io.out(
		`chave ${cipher.current.id}: ${result.rotated} segredo(s) recifrado(s), ${result.alreadyCurrent} já na chave atual, ` +
			`${result.skipped} alterado(s) durante a rotação (já na chave atual)`,
	);
	return 0;
}
