import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { formatCustomerId, GoogleAdsClient } from '../../../domain/googleads';
import { configFromCredentials } from '../transport';

/** Exchanges the refresh token and queries the manager account itself: proves every field at once. */
export async function googleAdsMccApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const config = configFromCredentials(credential.data ?? {});
		const manager = await new GoogleAdsClient(config, { retry: { maxAttempts: 1, maxRateLimitedAttempts: 1 } }).managerAccount();
		if (!manager) return { status: 'Error', message: 'The manager customer ID returned no account' };
		if (!manager.manager) {
			return { status: 'Error', message: `${formatCustomerId(manager.customerId)} is not a manager (MCC) account` };
		}
		const name = manager.descriptiveName ? ` (${manager.descriptiveName})` : '';
		return { status: 'OK', message: `Connected to manager account ${formatCustomerId(manager.customerId)}${name}` };
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
