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

export interface PerItemOptions {
	/**
	 * With "continue (using error output)", also tell staff what went wrong: the failed item becomes
	 * `{ error, message: <pt-BR>, details: { userError, code } }` (n8n routes exactly these keys to
	 * the error output), so a workflow can answer a webhook with 4xx or 5xx and a clear message.
	 */
	staffFailure?: (error: unknown) => { message: string; userError: boolean; code?: string };
}

function failedItem(error: unknown, options: PerItemOptions): IDataObject {
	const json: IDataObject = { error: error instanceof Error ? error.message : String(error) };
	if (options.staffFailure) {
		const failure = options.staffFailure(error);
		json.message = failure.message;
		json.details = { userError: failure.userError, code: failure.code ?? null };
	}
	return json;
}

/** Runs `handler` for every input item and pairs each output with the item it came from. */
export async function executePerItem(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
	options: PerItemOptions = {},
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
				output.push({ json: failedItem(error, options), pairedItem: { item: itemIndex } });
				continue;
			}
			throw toNodeError(ctx.getNode(), error, itemIndex);
		}
	}
	return output;
}

/**
 * A failure before the per-item loop (a credential that cannot be used): with "continue", every
 * input item becomes a failed item as executePerItem makes them (n8n would otherwise pass the input
 * items on as if they had succeeded); without it, the node fails.
 */
export function failEveryItem(ctx: IExecuteFunctions, error: unknown, options: PerItemOptions = {}): INodeExecutionData[] {
	if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), error, 0);
	return ctx.getInputData().map((_item, itemIndex) => ({ json: failedItem(error, options), pairedItem: { item: itemIndex } }));
}
