import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { WhatsAppCloudClient } from '../../../domain/whatsapp';
import { appFromCredentials } from '../transport';

/** Lists the phone numbers of every WABA of the credential: proves the token and the WABA IDs. */
export async function whatsAppCloudApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const app = appFromCredentials(credential.data ?? {});
		if (app.wabaIds.length === 0) return { status: 'Error', message: 'Add at least one WhatsApp Business Account ID' };
		if (!app.appSecret) return { status: 'Error', message: 'The App Secret is needed to check webhook signatures' };
		const numbers = await new WhatsAppCloudClient(app, { retry: { maxAttempts: 1 } }).listAllPhoneNumbers();
		const shown = numbers.slice(0, 10).map((n) => n.display_phone_number).join(', ');
		return {
			status: 'OK',
			message: `Found ${numbers.length} phone number(s) in ${app.wabaIds.length} WhatsApp Business Account(s)${shown ? `: ${shown}` : ''}`,
		};
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
