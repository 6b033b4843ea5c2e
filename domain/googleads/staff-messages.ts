// What staff read when a Google Ads MCC action fails (the bot's /mcc through the mcc-invite
// workflow): pt-BR, whether it was their input (nothing changed) or a failure on the way, never a
// token. The English messages of errors.ts stay for n8n and the CLI.
import { isApiError } from '../http/api-error';
import { UserInputError, type StaffFailure } from '../validation/errors';
import { GoogleAdsInputError, requestIdOf } from './errors';

/** Google's refusals that are about the account staff typed, not about Viang's setup. */
const ACCOUNT_PROBLEMS: Record<string, string> = {
	'requestError.INVALID_CUSTOMER_ID': 'o Google Ads não encontrou essa conta (customer id inexistente): confira o número com o cliente',
	'managerLinkError.CANNOT_MANAGE_SELF': 'essa é a própria conta MCC da Viang',
	'managerLinkError.ACCOUNTS_NOT_COMPATIBLE_FOR_LINKING': 'o Google Ads não permite vincular essa conta ao MCC da Viang',
	'managerLinkError.TOO_MANY_MANAGERS': 'a conta do cliente já tem o número máximo de contas administradoras',
	'managerLinkError.TOO_MANY_INVITES': 'a conta do cliente tem convites pendentes demais: peça para ele recusar os antigos',
	'authorizationError.CUSTOMER_NOT_ENABLED': 'a conta Google Ads do cliente não está ativa',
};

/** Failures of Viang's own access (the n8n credential), with what to do. */
const SETUP_PROBLEMS: Record<string, string> = {
	'authorizationError.USER_PERMISSION_DENIED': 'o usuário da credencial não tem acesso à conta MCC (confira o manager customer id)',
	'authorizationError.DEVELOPER_TOKEN_NOT_APPROVED': 'o developer token só está aprovado para contas de teste',
	'authenticationError.DEVELOPER_TOKEN_INVALID': 'o developer token da credencial é inválido',
	'authenticationError.NOT_ADS_USER': 'o usuário da credencial não é um usuário do Google Ads',
	invalid_grant: 'o refresh token da credencial é inválido ou foi revogado: autorize a conta Google de novo',
	invalid_client: 'o client id ou o client secret OAuth da credencial estão errados',
	'quotaError.RESOURCE_EXHAUSTED': 'a cota da API do Google Ads acabou: tente mais tarde',
	'quotaError.RESOURCE_TEMPORARILY_EXHAUSTED': 'muitas chamadas à API do Google Ads: tente de novo em instantes',
};

export function googleAdsStaffFailure(error: unknown): StaffFailure {
	if (error instanceof GoogleAdsInputError) return { message: error.staffMessage, userError: error.code !== 'invalid_config', code: error.code };
	if (error instanceof UserInputError) return { message: error.message, userError: true };
	if (isApiError(error)) {
		const requestId = requestIdOf(error);
		const suffix = requestId ? ` (request id ${requestId})` : '';
		const code = error.code ?? error.kind;
		const account = error.code ? ACCOUNT_PROBLEMS[error.code] : undefined;
		if (account) return { message: `Convite não enviado: ${account}.${suffix} Nada foi alterado.`, userError: true, code };
		const setup = error.code ? SETUP_PROBLEMS[error.code] : undefined;
		if (setup) return { message: `O Google Ads recusou o pedido: ${setup}.${suffix}`, userError: false, code };
		if (error.kind === 'timeout' || error.kind === 'network') {
			return { message: 'Não consegui falar com o Google Ads (sem resposta). Tente de novo em instantes.', userError: false, code };
		}
		const detail = error.providerMessage ? `: ${error.providerMessage}` : ` (HTTP ${error.status ?? '?'})`;
		return { message: `O Google Ads recusou o pedido${detail}`, userError: false, code };
	}
	return { message: `Erro inesperado no Google Ads: ${error instanceof Error ? error.message : String(error)}`, userError: false };
}
