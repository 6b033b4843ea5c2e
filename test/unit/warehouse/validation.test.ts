import {
	formatDocument,
	isValidCnpj,
	isValidCpf,
	isValidEmail,
	parseDocument,
	validateNewClient,
	ValidationError,
} from '../../../domain/validation';

describe('CPF', () => {
	test.each(['529.982.247-25', '52998224725', '111.444.777-35'])('valid %s', (cpf) => expect(isValidCpf(cpf)).toBe(true));
	test.each(['529.982.247-24', '111.444.777-36', '111.111.111-11', '1234567890', '5299822472a'])('invalid %s', (cpf) =>
		expect(isValidCpf(cpf)).toBe(false),
	);
});

describe('CNPJ', () => {
	test.each(['11.222.333/0001-81', '11222333000181', '12ABC34501DE35'])('valid %s', (cnpj) => expect(isValidCnpj(cnpj)).toBe(true));
	test.each(['11.222.333/0001-82', '00000000000000', '12ABC34501DE36', '1122233300018'])('invalid %s', (cnpj) =>
		expect(isValidCnpj(cnpj)).toBe(false),
	);
	test('documents are stored without punctuation and shown formatted', () => {
		expect(parseDocument('11.222.333/0001-81')).toEqual({ type: 'cnpj', value: '11222333000181' });
		expect(parseDocument('12.abc.345/01de-35')).toEqual({ type: 'cnpj', value: '12ABC34501DE35' });
		expect(parseDocument('529.982.247-25')).toEqual({ type: 'cpf', value: '52998224725' });
		expect(parseDocument('123')).toBeUndefined();
		expect(formatDocument('11222333000181')).toBe('11.222.333/0001-81');
		expect(formatDocument('52998224725')).toBe('529.982.247-25');
	});
});

describe('new client input', () => {
	test('e-mail', () => {
		expect(isValidEmail('contato@loja.com.br')).toBe(true);
		for (const bad of ['contato', 'a@b', 'a b@c.com', '@c.com', 'a@@c.com']) expect(isValidEmail(bad)).toBe(false);
	});

	test('normalised when valid', () => {
		expect(validateNewClient({ name: ' Loja ', email: ' A@B.COM ', document: '529.982.247-25', mlUserId: ' 123 ' })).toEqual({
			name: 'Loja',
			email: 'a@b.com',
			document: '52998224725',
			mlUserId: '123',
		});
		expect(validateNewClient({ name: 'Loja', email: 'a@b.com', document: '' })).toMatchObject({ document: null, mlUserId: null });
	});

	test.each([
		[{ email: 'a@b.com' }, 'name', /Informe o nome/],
		[{ name: 'Loja', email: 'x' }, 'email', /E-mail inválido: "x"/],
		[{ name: 'Loja', email: 'a@b.com', document: '111.444.777-36' }, 'document', /dígitos verificadores/],
		[{ name: 'Loja', email: 'a@b.com', mlUserId: '12a' }, 'mlUserId', /só números/],
	])('%j is refused on %s', (input, field, message) => {
		const error = (() => {
			try {
				validateNewClient(input);
			} catch (caught) {
				return caught;
			}
			return undefined;
		})();
		expect(error).toBeInstanceOf(ValidationError);
		expect(error).toMatchObject({ field, exitCode: 2 });
		expect((error as Error).message).toMatch(message);
	});
});
