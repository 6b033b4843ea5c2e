// The parts of Bling API v3 bodies we read (schemas after the community SDK `bling-erp-api`,
// reference/bling.md §5). Lists answer {"data":[…]}; single resources {"data":{…}}.

export interface BlingList<T> {
	data: T[];
}

export interface BlingOne<T> {
	data: T;
}

export interface BlingProduct {
	id: number;
	nome: string;
	/** The SKU. */
	codigo?: string | null;
	preco?: number;
	/** Cost price; 0 or absent when the seller never filled it. */
	precoCusto?: number | null;
	/** P product, S service. */
	tipo?: string;
	/** A active, I inactive, E excluded. */
	situacao?: string;
	/** S simple, V with variations (a parent), E kit. */
	formato?: string;
	idProdutoPai?: number | null;
	estoque?: { saldoVirtualTotal?: number };
	[key: string]: unknown;
}

export interface BlingStockBalance {
	produto: { id: number; codigo?: string | null };
	saldoFisicoTotal?: number;
	saldoVirtualTotal?: number;
	depositos?: Array<{ id: number; saldoFisico?: number; saldoVirtual?: number }>;
}

export interface BlingDeposit {
	id: number;
	descricao: string;
	situacao?: number;
	padrao?: boolean;
	desconsiderarSaldo?: boolean;
}

export interface BlingSalesOrder {
	id: number;
	numero?: number;
	data?: string;
	total?: number;
	situacao?: { id: number; valor?: number };
	[key: string]: unknown;
}

/** Situação of contas a receber / a pagar. */
export const ACCOUNT_SITUATION = {
	open: 1,
	settled: 2,
	partial: 3,
	returned: 4,
	cancelled: 5,
	partiallyReturned: 6,
	confirmed: 7,
} as const;

export interface BlingAccountEntry {
	id: number;
	situacao: number;
	/** Due date, YYYY-MM-DD. */
	vencimento: string;
	valor: number;
	/** Open balance (what is still to be received/paid); read from the detail when a list omits it. */
	saldo?: number | null;
	dataEmissao?: string;
	contato?: { id: number; nome?: string };
	[key: string]: unknown;
}
