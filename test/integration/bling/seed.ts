// One hand-checkable Bling account: products over two pages, two depósitos, and contas a
// receber/pagar around today whose fin_client_day figures are written out in etl.test.ts.
import { addDays, todaySp } from '../../../domain/mercadolivre/time';
import type { FakeBlingAccount } from '../../fakes/bling';

export const day = (offset: number): string => addDays(todaySp(), offset);

export function seedAccount(id: number): Partial<FakeBlingAccount> & { id: number } {
	const fillers = Array.from({ length: 150 }, (_, i) => ({
		id: 5000 + i,
		nome: `Filler ${i}`,
		codigo: `F-${String(i).padStart(3, '0')}`,
		precoCusto: 1,
		stock: { 1: i % 7 },
	}));
	return {
		id,
		deposits: [
			{ id: 1, descricao: 'Geral', situacao: 1, padrao: true },
			{ id: 2, descricao: 'Full ML', situacao: 1, padrao: false },
		],
		products: [
			{ id: 101, nome: 'Camiseta A', codigo: 'SKU-A', precoCusto: 12.5, stock: { 1: 10, 2: 3 }, reserved: { 1: 2 } },
			{ id: 102, nome: 'Caneca B', codigo: 'SKU-B', precoCusto: 0, stock: { 1: 7 } },
			{ id: 103, nome: 'Antigo', codigo: 'SKU-INATIVO', situacao: 'I', precoCusto: 5, stock: { 1: 2 } },
			{ id: 104, nome: 'Instalação', codigo: 'SERV', tipo: 'S' },
			{ id: 105, nome: 'Camiseta (pai)', codigo: 'PAI', formato: 'V', stock: { 1: 99 } },
			{ id: 106, nome: 'Só no Bling', codigo: 'SKU-BLING-ONLY', precoCusto: 20, stock: { 1: 4 } },
			...fillers,
		],
		receivables: [
			{ id: 1, situacao: 1, vencimento: day(-10), valor: 100, saldo: 100 },
			{ id: 2, situacao: 2, vencimento: day(-10), valor: 250.5, saldo: 0 },
			{ id: 3, situacao: 3, vencimento: day(-1), valor: 300, saldo: 120 },
			{ id: 4, situacao: 5, vencimento: day(-1), valor: 999, saldo: 999 },
			{ id: 5, situacao: 1, vencimento: day(0), valor: 75.25, saldo: 75.25 },
			{ id: 6, situacao: 1, vencimento: day(5), valor: 40, saldo: 40 },
			{ id: 7, situacao: 1, vencimento: day(-400), valor: 1, saldo: 1 },
		],
		payables: [
			{ id: 1, situacao: 2, vencimento: day(-10), valor: 80, saldo: 0 },
			{ id: 2, situacao: 1, vencimento: day(-1), valor: 60.1, saldo: 60.1 },
			{ id: 3, situacao: 3, vencimento: day(0), valor: 200, saldo: 50 },
		],
		salesOrders: [
			{ id: 9001, numero: 1, data: day(-2), total: 59.9, situacao: { id: 6, valor: 1 } },
			{ id: 9002, numero: 2, data: day(-1), total: 120, situacao: { id: 9, valor: 1 } },
		],
	};
}
