import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { BlingAccountEntry } from '../../../../domain/bling/api-types';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty, dateRangeProperties, returnAllOrLimit } from '../common.descriptions';
import { dayRange, maxRecords } from '../helpers';

// contas/pagar has no tipoFiltroData: each date has its own pair of parameters.
const DATE_PARAMETERS: Record<string, [string, string]> = {
	due: ['dataVencimentoInicial', 'dataVencimentoFinal'],
	issue: ['dataEmissaoInicial', 'dataEmissaoFinal'],
	payment: ['dataPagamentoInicial', 'dataPagamentoFinal'],
};

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Date Field',
		name: 'dateField',
		type: 'options',
		options: [
			{ name: 'Due Date', value: 'due' },
			{ name: 'Issue Date', value: 'issue' },
			{ name: 'Payment Date', value: 'payment' },
		],
		default: 'due',
		description: 'Which date From and To filter on',
	},
	...dateRangeProperties('filter'),
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['accountsPayable'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const { from, to } = dayRange(this, i);
		const [fromKey, toKey] = DATE_PARAMETERS[this.getNodeParameter('dateField', i) as string] ?? DATE_PARAMETERS.due;
		const rows = await bling
			.client(clientId)
			.all<BlingAccountEntry>('contasPagar.list', '/contas/pagar', { [fromKey]: from, [toKey]: to }, maxRecords(this, i));
		return rows as IDataObject[];
	});
}
