// Answers one inbound message by the instance's rules: the decision comes from rules.ts, this file
// carries it out (opt-out stored, figures read, reply sent through the sender's limits).
import { assertWaId } from './config';
import { evaluateInbound, parseRules, salesReply, type InboundDecision } from './rules';
import { textMessage, type SendOutcome, type WhatsAppSender } from './sender';
import type { WhatsAppStore } from './store';
import { yesterdaySaoPaulo } from './time';

export interface InboundRequest {
	/** Instance id or Meta's phone number id. */
	instance: string;
	from: string;
	text?: string | null;
	messageId?: string;
}

export interface InboundResult {
	instanceId: string;
	clientId: string;
	from: string;
	messageId?: string;
	action: InboundDecision['action'];
	keyword?: string;
	reason?: string;
	reply?: string;
	/** What came of the reply (absent when nothing was sent). */
	send?: SendOutcome;
	optedOut?: boolean;
}

export interface InboundDeps {
	store: Pick<WhatsAppStore, 'requireInstance' | 'isOptedOut' | 'optOut' | 'optIn' | 'clientDay'>;
	sender: Pick<WhatsAppSender, 'send'>;
	now?: () => Date;
}

export async function answerInbound(deps: InboundDeps, request: InboundRequest): Promise<InboundResult> {
	const instance = await deps.store.requireInstance(request.instance);
	const from = assertWaId(request.from, 'Sender');
	const rules = parseRules(instance.rules);
	const optedOut = await deps.store.isOptedOut(instance.id, from);
	const decision = evaluateInbound(rules, { text: request.text ?? undefined, optedOut, instanceStatus: instance.status });
	const base: InboundResult = {
		instanceId: instance.id,
		clientId: instance.clientId,
		from,
		messageId: request.messageId,
		action: decision.action,
		keyword: 'keyword' in decision ? decision.keyword : undefined,
	};
	switch (decision.action) {
		case 'ignore':
			return { ...base, reason: decision.reason, optedOut };
		case 'opt_out': {
			// Confirm first (the contact is still opted in), and store the opt-out whatever happens.
			let send: SendOutcome | undefined;
			try {
				send = await deps.sender.send(instance, from, textMessage(decision.reply), 'opt_out_confirmation');
			} finally {
				await deps.store.optOut(instance.id, from);
			}
			return { ...base, reply: decision.reply, send, optedOut: true };
		}
		case 'opt_in': {
			await deps.store.optIn(instance.id, from);
			const send = await deps.sender.send(instance, from, textMessage(decision.reply), 'opt_in_confirmation');
			return { ...base, reply: decision.reply, send, optedOut: false };
		}
		case 'sales_yesterday': {
			const day = yesterdaySaoPaulo(deps.now?.() ?? new Date());
			const reply = salesReply(await deps.store.clientDay(instance.clientId, day), decision.intro);
			const send = await deps.sender.send(instance, from, textMessage(reply), 'rule_reply');
			return { ...base, reply, send, optedOut: false };
		}
		case 'reply_text': {
			const send = await deps.sender.send(instance, from, textMessage(decision.reply), 'rule_reply');
			return { ...base, reply: decision.reply, send, optedOut: false };
		}
	}
}
