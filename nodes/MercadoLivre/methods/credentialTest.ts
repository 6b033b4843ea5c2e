import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { clientCredentialsToken } from '../../../domain/mercadolivre/oauth';
import { appFromCredentials } from '../transport';

/** A client_credentials token request proves the app's id and secret without any seller. */
export async function mercadoLivreAppApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		await clientCredentialsToken(appFromCredentials(credential.data ?? {}));
		return { status: 'OK', message: 'Mercado Livre accepted the client ID and secret' };
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
