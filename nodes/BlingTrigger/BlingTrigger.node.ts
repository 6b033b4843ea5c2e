import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { BLING_SIGNATURE_HEADER, verifyBlingSignature } from '../../domain/bling/signature';
import { getBlingApp } from '../Bling/transport';
import { blingAppApiTest } from '../Bling/methods/credentialTest';

// Bling's webhook resources (the part of `event` before the dot, e.g. "order.created").
const RESOURCES = [
	{ name: 'Consumer Invoice (NFC-E)', value: 'consumer_invoice' },
	{ name: 'Invoice (NF-E)', value: 'invoice' },
	{ name: 'Order', value: 'order' },
	{ name: 'Product', value: 'product' },
	{ name: 'Product Supplier', value: 'product_supplier' },
	{ name: 'Stock', value: 'stock' },
	{ name: 'Virtual Stock', value: 'virtual_stock' },
];

export class BlingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bling Trigger',
		name: 'blingTrigger',
		icon: { light: 'file:bling.svg', dark: 'file:bling.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["resources"] || []).join(", ") || "all events"}}',
		description: 'Starts the workflow when Bling sends a webhook (signature checked with the app\'s client secret)',
		defaults: { name: 'Bling Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'blingAppApi', required: true, testedBy: 'blingAppApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Webhooks are configured in the Bling app\'s panel (developer.bling.com.br → your app → Webhooks), with the resources to send. Copy this node\'s production webhook URL there; activating the workflow registers nothing. Each delivery is checked against the X-Bling-Signature-256 header (HMAC-SHA256 of the body with the client secret); unsigned or badly signed calls get 401 and start nothing.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resources',
				name: 'resources',
				type: 'multiOptions',
				options: RESOURCES,
				default: [],
				description: 'Events of other resources are acknowledged and dropped. None selected means all.',
			},
		],
	};

	methods = { credentialTest: { blingAppApiTest } };

	// Webhooks live in Bling's app panel, not behind an API: nothing to check, create or delete.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const app = await getBlingApp(this);
		// The signature covers the bytes Bling sent: verify the raw body, never a re-serialization.
		const rawBody = (req as unknown as { rawBody?: Buffer }).rawBody;
		const signature = this.getHeaderData()[BLING_SIGNATURE_HEADER] as string | undefined;
		if (!verifyBlingSignature(rawBody, signature, app.clientSecret)) {
			res.status(401).json({ error: 'invalid signature' });
			return { noWebhookResponse: true };
		}
		// Bling wants a 2xx within 5 s: answer first.
		res.status(200).json({ ok: true });
		const body = (this.getBodyData() ?? {}) as IDataObject;
		const event = typeof body.event === 'string' ? body.event : '';
		const resources = this.getNodeParameter('resources', []) as string[];
		if (resources.length > 0 && !resources.includes(event.split('.')[0])) return { noWebhookResponse: true };
		const item: IDataObject = {
			event,
			eventId: body.eventId ?? null,
			date: body.date ?? null,
			version: body.version ?? null,
			companyId: body.companyId ?? null,
			data: (body.data as IDataObject) ?? null,
		};
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
