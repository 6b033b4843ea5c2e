import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { returnAllOrLimit, wabaIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [wabaIdProperty, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['phoneNumber'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const numbers = await wa.client.listAllPhoneNumbers(wa.wabaIds(String(this.getNodeParameter('wabaIds', i, ''))));
		// Which client (if any) already has an instance on each number: what staff need for the wizard.
		const instances = new Map((await wa.store.listInstances()).map((instance) => [instance.phoneNumberId, instance]));
		const rows = numbers.map((number) => {
			const instance = instances.get(number.id);
			return { ...number, instanceId: instance?.id ?? null, clientId: instance?.clientId ?? null, clientName: instance?.clientName ?? null };
		});
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? rows.length : (this.getNodeParameter('limit', i, 50) as number);
		return rows.slice(0, limit) as unknown as IDataObject[];
	});
}
