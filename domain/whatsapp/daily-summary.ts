// The 08:00 summary: yesterday's figures of each client, sent as the approved template its rules
// name to the recipients its rules list (outside the 24 h window only templates may be sent).
import { parseRules, dailySummaryDue, dailySummaryParameters } from './rules';
import { templateMessage, type SendOutcome, type WhatsAppSender } from './sender';
import type { Instance, WhatsAppStore } from './store';
import { yesterdaySaoPaulo } from './time';

export interface SummaryResult {
	instanceId: string;
	clientId: string;
	clientName: string;
	day: string;
	recipient?: string;
	status: SendOutcome['status'] | 'not_due' | 'disabled' | 'invalid_rules';
	detail?: string;
	send?: SendOutcome;
}

export interface SummaryDeps {
	store: Pick<WhatsAppStore, 'requireInstance' | 'listInstances' | 'clientDay'>;
	sender: Pick<WhatsAppSender, 'send'>;
	now?: () => Date;
}

export interface SummaryOptions {
	/** One instance (id or phone number id); every active instance when absent. */
	instance?: string;
	/** Default: yesterday in São Paulo. */
	day?: string;
	/** HH:MM of this run: only instances whose summary time is in the same hour are sent. */
	runTime?: string;
}

export async function sendDailySummaries(deps: SummaryDeps, options: SummaryOptions = {}): Promise<SummaryResult[]> {
	const instances: Instance[] = options.instance
		? [await deps.store.requireInstance(options.instance)]
		: (await deps.store.listInstances()).filter((instance) => instance.status === 'active');
	const day = options.day ?? yesterdaySaoPaulo(deps.now?.() ?? new Date());
	const results: SummaryResult[] = [];
	for (const instance of instances) {
		const head = { instanceId: instance.id, clientId: instance.clientId, clientName: instance.clientName, day };
		let rules;
		try {
			rules = parseRules(instance.rules);
		} catch (error) {
			results.push({ ...head, status: 'invalid_rules', detail: (error as Error).message });
			continue;
		}
		if (!rules.dailySummary.enabled || rules.dailySummary.recipients.length === 0) {
			if (options.instance) results.push({ ...head, status: 'disabled', detail: 'resumo diário desligado ou sem destinatários' });
			continue;
		}
		if (options.runTime && !dailySummaryDue(rules, options.runTime)) {
			results.push({ ...head, status: 'not_due', detail: `horário do resumo: ${rules.dailySummary.time}` });
			continue;
		}
		const figures = await deps.store.clientDay(instance.clientId, day);
		const message = templateMessage(rules.dailySummary.template, rules.dailySummary.language, dailySummaryParameters(figures));
		for (const recipient of rules.dailySummary.recipients) {
			try {
				const send = await deps.sender.send(instance, recipient, message, 'daily_summary');
				results.push({ ...head, recipient, status: send.status, send });
			} catch (error) {
				results.push({ ...head, recipient, status: 'failed', detail: (error as Error).message });
			}
		}
	}
	return results;
}
