import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withLinkService } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['unlink'] } }, [
	clientIdProperty,
] as INodeProperties[]);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withLinkService(this, (service) =>
		executePerItem(this, async (i) => (await service.unlink(this.getNodeParameter('clientId', i) as string)) as unknown as IDataObject),
	);
}
