import { checkCustomerId, checkDocument, checkEmail, checkName, checkPhone, isSkip } from '../../../bot/wizard/validation';

const value = <T>(checked: { ok: true; value: T } | { ok: false; error: string }) => (checked.ok ? checked.value : `ERR ${checked.error}`);

describe('wizard answers', () => {
	test('name: trimmed, spaces collapsed, not empty, not a command, at most 200', () => {
		expect(value(checkName('  Loja   da  Maria '))).toBe('Loja da Maria');
		expect(value(checkName('   '))).toMatch(/^ERR O nome não pode ficar vazio/);
		expect(value(checkName('/clientes'))).toMatch(/^ERR O nome não pode começar com "\/"/);
		expect(value(checkName('x'.repeat(201)))).toMatch(/^ERR O nome tem 201 caracteres; o máximo é 200/);
	});

	test('e-mail: the domain rule, normalised; the message says what is missing', () => {
		expect(value(checkEmail(' Contato@Loja.COM.br '))).toBe('contato@loja.com.br');
		expect(value(checkEmail('contato.loja.com'))).toMatch(/falta o "@"/);
		expect(value(checkEmail('contato@loja'))).toMatch(/confira o domínio/);
	});

	test('CPF/CNPJ: check digits verified; wrong length explained', () => {
		expect(value(checkDocument('11.222.333/0001-81'))).toBe('11222333000181');
		expect(value(checkDocument('123.456.789-09'))).toBe('12345678909');
		expect(value(checkDocument('11.222.333/0001-80'))).toMatch(/^ERR CNPJ inválido: os dígitos verificadores/);
		expect(value(checkDocument('123.456.789-08'))).toMatch(/^ERR CPF inválido: os dígitos verificadores/);
		expect(value(checkDocument('111.111.111-11'))).toMatch(/^ERR CPF inválido/);
		expect(value(checkDocument('1234'))).toMatch(/não é um CPF \(11 dígitos\) nem um CNPJ \(14 caracteres\)/);
	});

	test('Google Ads customer id: 10 digits, dashes or spaces, never the MCC itself', () => {
		expect(value(checkCustomerId('123-456-7890'))).toBe('1234567890');
		expect(value(checkCustomerId('1234567890'))).toBe('1234567890');
		expect(value(checkCustomerId('123 456 7890'))).toBe('1234567890');
		expect(value(checkCustomerId('123-456-789'))).toBe(
			'ERR Customer id do Google Ads inválido: ele tem 9 dígitos e precisa ter 10. Envie no formato 123-456-7890.',
		);
		expect(value(checkCustomerId('12345678901'))).toMatch(/ele tem 11 dígitos/);
		expect(value(checkCustomerId('123-ABC-7890'))).toMatch(/use só números e hífens/);
		expect(value(checkCustomerId('999-999-9999', '9999999999'))).toMatch(/^ERR 999-999-9999 é a própria conta MCC/);
	});

	test('WhatsApp: E.164, Brazilian numbers without +55 accepted', () => {
		expect(value(checkPhone('+55 11 98765-4321'))).toBe('+5511987654321');
		expect(value(checkPhone('(11) 98765-4321'))).toBe('+5511987654321');
		expect(value(checkPhone('11 3456-7890'))).toBe('+551134567890');
		expect(value(checkPhone('5511987654321'))).toBe('+5511987654321');
		expect(value(checkPhone('+1 415 555 2671'))).toBe('+14155552671');
		expect(value(checkPhone('12345'))).toMatch(/^ERR Número inválido: "12345" tem 5 dígitos/);
		expect(value(checkPhone('(11) 8765-43210'))).toMatch(/^ERR Celular inválido/);
		expect(value(checkPhone('+55 01 98765-4321'))).toMatch(/^ERR Número brasileiro inválido/);
		expect(value(checkPhone('ligue 11 98765-4321'))).toMatch(/use só números/);
		expect(value(checkPhone('+0123'))).toMatch(/^ERR Número internacional inválido/);
	});

	test('skipping an optional step', () => {
		for (const text of ['pular', 'Pular', '-', 'não', 'nao']) expect(isSkip(text)).toBe(true);
		expect(isSkip('123-456-7890')).toBe(false);
	});
});
