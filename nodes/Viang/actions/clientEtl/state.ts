// The client-etl state item, read from a parameter that may hold an object or JSON text.
import type { IExecuteFunctions } from 'n8n-workflow';
import { asState, type ClientEtlState } from '../../../../domain/client-etl/run';

export function stateParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): ClientEtlState {
	return asState(ctx.getNodeParameter(name, itemIndex));
}
