// The per-item loop every operation shares: paired items, continueOnFail, and errors turned into
// NodeApiError (HTTP answers of a provider) or NodeOperationError (everything else), always with
// the item index and never with a token.
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

interface ProviderError extends Error {
	status?: number;
	provider?: string;
	call?: string;
	description?: string;
}

function isProviderError(error: unknown): error is ProviderError {
	return error instanceof Error && typeof (error as ProviderError).status === 'number';
}

export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isProviderError(error)) {
		return new NodeApiError(node, { message: error.message, httpCode: String(error.status) } as JsonObject, {
			itemIndex,
			message: error.message,
			description: error.description,
			httpCode: String(error.status),
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** Runs `handler` for every input item and pairs each output with the item it came from. */
export async function executePerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler(itemIndex);
			output.push(
				...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(result), {
					itemData: { item: itemIndex },
				}),
			);
		} catch (error) {
			if (ctx.continueOnFail()) {
				const message = error instanceof Error ? error.message : String(error);
				output.push({ json: { error: message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw toNodeError(ctx.getNode(), error, itemIndex);
		}
	}
	return output;
}
