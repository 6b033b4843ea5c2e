import type { IExecuteFunctions } from 'n8n-workflow';
import { toDay } from '../../shared/utilities';

/** Max records for a Get Many: everything, or the Limit. */
export function maxRecords(ctx: IExecuteFunctions, i: number): number {
	return (ctx.getNodeParameter('returnAll', i) as boolean) ? Infinity : (ctx.getNodeParameter('limit', i) as number);
}

/** From/To as YYYY-MM-DD, checked (Bling refuses ranges over one year). */
export function dayRange(ctx: IExecuteFunctions, i: number): { from: string; to: string } {
	const from = toDay(ctx.getNodeParameter('from', i, ''));
	const to = toDay(ctx.getNodeParameter('to', i, ''));
	if (!from || !to) throw new Error('"From" and "To" must be dates');
	if (to < from) throw new Error('"To" is before "From"');
	if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * 86_400_000) throw new Error('Bling accepts at most one year between "From" and "To"');
	return { from, to };
}
