import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { testBlingApp } from '../../../domain/bling/oauth';
import { blingAppFromCredentials } from '../transport';

/** A token-endpoint call with a made-up refresh token: invalid_grant means id and secret are right. */
export async function blingAppApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const result = await testBlingApp(blingAppFromCredentials(credential.data ?? {}));
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}
