import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { notifyStaff } from '../../../../domain/notifications/staff-notifications';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'string',
		required: true,
		default: 'info',
		placeholder: 'onboarding_finished',
		description: 'Kind of notification (lowercase, e.g. onboarding_finished, nightly_summary, needs_reauth, google_ads_link)',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'What staff read in Telegram (pt-BR)',
	},
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		description: 'The Viang client this is about, if any',
	},
	{
		displayName: 'Include Item Data',
		name: 'includeItem',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the input item as the notification payload',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['notification'], operation: ['send'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const clientId = (this.getNodeParameter('clientId', i, '') as string).trim();
			const includeItem = this.getNodeParameter('includeItem', i, true) as boolean;
			const result = await notifyStaff(warehouse.transport, {
				event: (this.getNodeParameter('event', i) as string).trim(),
				message: this.getNodeParameter('message', i) as string,
				clientId: clientId || null,
				payload: includeItem ? (items[i].json as IDataObject) : {},
			});
			return { notificationId: result.id, createdAt: result.createdAt, event: this.getNodeParameter('event', i) as string };
		}),
	);
}
