import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { instanceProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	instanceProperty,
	{
		displayName: 'Include Opt-Outs',
		name: 'includeOptOuts',
		type: 'boolean',
		default: false,
		description: 'Whether to add the contacts who opted out of this instance',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['instance'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const instance = await wa.store.requireInstance(String(this.getNodeParameter('instance', i)));
		if (!(this.getNodeParameter('includeOptOuts', i, false) as boolean)) return instance as unknown as IDataObject;
		return { ...instance, optOuts: await wa.store.optOuts(instance.id) } as unknown as IDataObject;
	});
}
