import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { probeUpSeller } from '../../../domain/upseller/probe';
import { upSellerConfigFromCredentials } from '../transport';

export async function upSellerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const result = await probeUpSeller(upSellerConfigFromCredentials(credential.data ?? {}));
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}
