import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { SAO_PAULO, sendDailySummaries } from '../../../../domain/whatsapp';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Instance',
		name: 'instance',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f1c2a9e-…',
		description: 'One instance (ID or phone number ID); empty sends for every active instance whose rules turn the summary on',
	},
	{
		displayName: 'Only Instances Due Now',
		name: 'onlyDue',
		type: 'boolean',
		default: false,
		description: 'Whether to send only for instances whose summary time (rules.dailySummary.time) is in the current hour, São Paulo time',
	},
	{
		displayName: 'Day',
		name: 'day',
		type: 'dateTime',
		default: '',
		description: 'The day to summarise; empty means yesterday (São Paulo)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['sendDailySummary'] } }, properties);

function hourMinuteSaoPaulo(at: Date): string {
	return new Intl.DateTimeFormat('en-GB', { timeZone: SAO_PAULO, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const results = await sendDailySummaries(
			{ store: wa.store, sender: wa.sender },
			{
				instance: String(this.getNodeParameter('instance', i, '')).trim() || undefined,
				day: toDay(this.getNodeParameter('day', i, '')),
				runTime: (this.getNodeParameter('onlyDue', i, false) as boolean) ? hourMinuteSaoPaulo(new Date()) : undefined,
			},
		);
		return results as unknown as IDataObject[];
	});
}
