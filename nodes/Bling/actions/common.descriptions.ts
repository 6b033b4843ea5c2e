import type { INodeProperties } from 'n8n-workflow';
import { viangClientIdProperty } from '../../shared/descriptions';

export { returnAllOrLimit } from '../../shared/descriptions';

export const clientIdProperty: INodeProperties = viangClientIdProperty('Bling');

export function dateRangeProperties(what: string): INodeProperties[] {
	return [
		{ displayName: 'From', name: 'from', type: 'dateTime', default: '', required: true, description: `First ${what} day (São Paulo)` },
		{ displayName: 'To', name: 'to', type: 'dateTime', default: '', required: true, description: `Last ${what} day, included (at most one year after From)` },
	];
}
