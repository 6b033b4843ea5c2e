import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { BlingSalesOrder } from '../../../../domain/bling/api-types';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { BlingContext } from '../../transport';
import { clientIdProperty, dateRangeProperties, returnAllOrLimit } from '../common.descriptions';
import { dayRange, maxRecords } from '../helpers';

const properties: INodeProperties[] = [clientIdProperty, ...dateRangeProperties('order'), ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, bling: BlingContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const { from, to } = dayRange(this, i);
		const rows = await bling
			.client(clientId)
			.all<BlingSalesOrder>('pedidosVendas.list', '/pedidos/vendas', { dataInicial: from, dataFinal: to }, maxRecords(this, i));
		return rows as IDataObject[];
	});
}
