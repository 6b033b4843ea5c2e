import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { startBlingAuthorization } from '../../../../domain/onboarding/bling-authorization';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { blingFlowContext, blingRedirectUriProperty } from './blingContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Invite Token',
		name: 'inviteToken',
		type: 'string',
		typeOptions: { password: true },
		default: '={{ $json.query.convite }}',
		description: 'The token of the e-mail\'s "Conectar Bling" link (query parameter "convite")',
	},
	blingRedirectUriProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['onboarding'], operation: ['startBling'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const context = await blingFlowContext(this, i);
		const result = await startBlingAuthorization(context, String(this.getNodeParameter('inviteToken', i, '') ?? ''));
		// outcome "redirect": answer 302 to redirectUrl; anything else: answer with page.html.
		return result as unknown as IDataObject;
	});
}
