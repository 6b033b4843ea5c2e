import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { BlingAccountEntry } from '../../../../domain/bling/api-types';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty, dateRangeProperties, returnAllOrLimit } from '../common.descriptions';
import { dayRange, maxRecords } from '../helpers';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'options',
		options: [
			{ name: 'Due Date', value: 'V' },
			{ name: 'Issue Date', value: 'E' },
			{ name: 'Receipt Date', value: 'R' },
		],
		default: 'V',
		description: 'Which date From and To filter on',
	},
	...dateRangeProperties('filter'),
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['accountsReceivable'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const { from, to } = dayRange(this, i);
		const tipoFiltroData = this.getNodeParameter('dateField', i) as string;
		const rows = await bling
			.client(clientId)
			.all<BlingAccountEntry>('contasReceber.list', '/contas/receber', { tipoFiltroData, dataInicial: from, dataFinal: to }, maxRecords(this, i));
		return rows as IDataObject[];
	});
}
