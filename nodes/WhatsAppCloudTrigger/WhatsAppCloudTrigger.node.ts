import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import {
	answerVerification,
	eventItem,
	parseWebhook,
	routeEvents,
	SIGNATURE_HEADER,
	verifySignature,
	WebhookPayloadError,
	WhatsAppStore,
	type WebhookEvent,
} from '../../domain/whatsapp';
import { credentialTest } from '../WhatsAppCloud/methods';
import { appFromCredentials } from '../WhatsAppCloud/transport';
import { withWarehouse } from '../shared/warehouse';

type EventChoice = 'message' | 'status' | 'error' | 'unrouted' | 'other';

/**
 * One webhook URL for every client's number: Meta calls it for the whole app. GET answers Meta's
 * verification handshake; POST checks X-Hub-Signature-256 over the raw body (401, nothing emitted,
 * when it does not match) and routes every message and status to the client whose instance owns
 * the phone number id. Numbers without an instance are logged in the warehouse (updates_log).
 */
export class WhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: { light: 'file:whatsAppCloud.svg', dark: 'file:whatsAppCloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Events: " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a client\'s WhatsApp number receives a message or a status update (shared Meta app)',
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppCloudApi', required: true, testedBy: 'whatsAppCloudApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Set this node\'s production URL once as the callback URL of the Meta app (WhatsApp → Configuration), with the credential\'s verify token, and subscribe the "messages" field. Every client\'s number then arrives here.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Account Change', value: 'other', description: 'Changes without a number (template status, account updates)' },
					{ name: 'Error', value: 'error', description: 'Errors Meta reports for a number' },
					{ name: 'Message', value: 'message', description: 'A contact wrote to a client\'s number' },
					{ name: 'Status', value: 'status', description: 'Sent, delivered, read or failed' },
					{
						name: 'Unrouted',
						value: 'unrouted',
						description: 'Events of numbers without an instance (always logged in the warehouse)',
					},
				],
				default: ['message', 'status'],
			},
		],
	};

	methods = { credentialTest };

	// The callback URL is set once, by hand, in the Meta app (one URL for every client), and Meta
	// allows one per app: activating a workflow must neither create nor remove it. So these are
	// deliberate no-ops that report the webhook as present.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const app = appFromCredentials(await this.getCredentials('whatsAppCloudApi'));
		const res = this.getResponseObject();

		if (this.getWebhookName() === 'setup') {
			const answer = answerVerification(this.getQueryData() as Record<string, unknown>, app.verifyToken);
			res.status(answer.status).type('text/plain').send(answer.body);
			return { noWebhookResponse: true };
		}

		const req = this.getRequestObject();
		const check = verifySignature(req.rawBody, req.headers[SIGNATURE_HEADER], app.appSecret);
		if (!check.valid) {
			res.status(401).json({ error: 'invalid signature', reason: check.reason });
			return { noWebhookResponse: true };
		}

		let events: WebhookEvent[];
		try {
			events = parseWebhook(this.getBodyData());
		} catch (error) {
			// Signed by Meta but not a WhatsApp delivery (another product of the app): acknowledge only.
			if (error instanceof WebhookPayloadError) return { webhookResponse: 'ignored' };
			throw new NodeOperationError(this.getNode(), error instanceof Error ? error.message : String(error));
		}

		const wanted = new Set(this.getNodeParameter('events', ['message', 'status']) as EventChoice[]);
		const routing = await withWarehouse(this, (warehouse) => routeEvents(new WhatsAppStore(warehouse.transport), events));
		const items: IDataObject[] = [];
		for (const { event, instance } of routing.routed) if (wanted.has(event.kind)) items.push(eventItem(event, instance) as IDataObject);
		if (wanted.has('unrouted')) for (const event of routing.unrouted) items.push(eventItem(event, null) as IDataObject);
		if (wanted.has('other')) for (const event of routing.account) items.push(eventItem(event, null) as IDataObject);
		if (items.length === 0) return { webhookResponse: 'EVENT_RECEIVED' };
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
