// `n8n execute --rawOutput` prints the run as pretty JSON among log lines; the harness must find it
// even when a log line (the task runner registering late) comes after it.
import { lastJsonObject } from '../../support/n8n';

const run = JSON.stringify({ data: { resultData: { runData: { Node: [{ text: '}\n{' }] } } }, status: 'success' }, null, 2);

describe('lastJsonObject', () => {
	test('finds the run between log lines, before and after it', () => {
		const output = `n8n Task Broker ready\n{not json\n${run}\nRegistered runner "JS Task Runner" (abc)\n`;
		expect(lastJsonObject(output)).toEqual(JSON.parse(run));
	});

	test('finds the run when it is all the output, or at its end', () => {
		expect(lastJsonObject(run)).toEqual(JSON.parse(run));
		expect(lastJsonObject(`license SDK: skipping\n${run}`)).toEqual(JSON.parse(run));
	});

	test('fails when there is no JSON object', () => {
		expect(() => lastJsonObject('Error: workflow not found\n')).toThrow();
	});
});
