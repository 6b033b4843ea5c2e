// Every text staff read, pt-BR, in one place. Plain text (no parse mode): names and errors
// coming from elsewhere can never break the formatting.

export const MENU: ReadonlyArray<{ command: string; description: string }> = [
	{ command: 'novo_cliente', description: 'Cadastrar um cliente e enviar o convite' },
	{ command: 'clientes', description: 'Listar os clientes e seus status' },
	{ command: 'cliente', description: 'Detalhes de um cliente: /cliente <nome ou id>' },
	{ command: 'convite', description: 'Enviar um novo convite: /convite <cliente>' },
	{ command: 'reprocessar', description: 'Reprocessar dados: /reprocessar <cliente> <data>' },
	{ command: 'mcc', description: 'Convidar a conta Google Ads ao MCC: /mcc <cliente> <id>' },
	{ command: 'whatsapp', description: 'Criar a instância WhatsApp: /whatsapp <cliente> <número>' },
	{ command: 'painel', description: 'Link do painel do cliente: /painel <cliente>' },
	{ command: 'ajuda', description: 'Como usar o bot' },
	{ command: 'cancelar', description: 'Sair do assistente em andamento' },
];

export const HELP = [
	'🤖 Bot da equipe Viang — comandos:',
	'',
	'/novo_cliente — cadastra um cliente passo a passo (nome, e-mail, CNPJ/CPF, Google Ads e WhatsApp opcionais) e envia o convite de autorização do Mercado Livre',
	'/clientes — lista os clientes com o status de cada um',
	'/cliente <nome ou id> — situação de um cliente: onboarding, últimas cargas, Google Ads, WhatsApp e pendências',
	'/convite <cliente> — envia um novo convite de autorização',
	'/reprocessar <cliente> <data> — reprocessa os dados a partir da data (DD/MM/AAAA ou AAAA-MM-DD)',
	'/mcc <cliente> <customer id> — convida a conta Google Ads do cliente para o MCC (ex.: 123-456-7890)',
	'/whatsapp <cliente> <número> — cria a instância de WhatsApp do cliente (ex.: +55 11 98765-4321)',
	'/painel <cliente> — link do painel do cliente',
	'/cancelar — sai do assistente em andamento',
	'',
	'Nomes com espaços funcionam direto (/cliente Loja da Maria); use aspas se o nome terminar com número: /mcc "Loja 2" 123-456-7890.',
].join('\n');

export const REFUSED =
	'Olá! Este bot é de uso exclusivo da equipe Viang e você não está na lista de acesso. ' +
	'Se você faz parte da equipe, peça para incluírem o seu id do Telegram.';

export const REFUSED_SHORT = 'Acesso restrito à equipe Viang.';

export const NOT_UNDERSTOOD = 'Não entendi. Use /ajuda para ver os comandos.';

export const GENERIC_ERROR = '😕 Algo deu errado do meu lado ao processar isso. Tente de novo; se persistir, avise quem cuida da plataforma.';

export const WAREHOUSE_ERROR = '😕 Não consegui consultar o banco de dados da Viang agora. Tente de novo em instantes.';

export const usage = {
	cliente: 'Uso: /cliente <nome ou id>\nEx.: /cliente Loja da Maria',
	convite: 'Uso: /convite <cliente>\nEx.: /convite Loja da Maria',
	reprocessar: 'Uso: /reprocessar <cliente> <data de início>\nEx.: /reprocessar Loja da Maria 01/03/2026',
	mcc: 'Uso: /mcc <cliente> <customer id do Google Ads>\nEx.: /mcc Loja da Maria 123-456-7890',
	whatsapp: 'Uso: /whatsapp <cliente> <número>\nEx.: /whatsapp Loja da Maria +55 11 98765-4321',
	painel: 'Uso: /painel <cliente>\nEx.: /painel Loja da Maria',
} as const;

export function clientNotFound(reference: string): string {
	return `Não encontrei o cliente "${reference.slice(0, 100)}". Use o nome exato ou o id (veja /clientes).`;
}

export const wizard = {
	start: '🆕 Novo cliente. Vou pedir os dados um a um; envie /cancelar a qualquer momento para sair.',
	restart: 'Você já estava cadastrando um cliente: comecei de novo do zero.',
	askName: '1/5 — Qual é o nome do cliente? (como aparecerá no painel)',
	askEmail: '2/5 — Qual é o e-mail de contato? O convite de autorização vai para ele (o e-mail da conta master do Mercado Livre).',
	askDocument: '3/5 — Qual é o CNPJ ou CPF do cliente?',
	askGoogleAds: '4/5 — Customer id do Google Ads (ex.: 123-456-7890)? Opcional: envie "pular" ou toque em Pular.',
	askWhatsApp: '5/5 — Número de WhatsApp do cliente (ex.: +55 11 98765-4321)? Opcional: envie "pular" ou toque em Pular.',
	duplicateName: (name: string) => `Já existe um cliente chamado "${name}". Envie outro nome (ou /cancelar).`,
	confirmTitle: 'Confira os dados do novo cliente:',
	confirmHint: 'Está tudo certo?',
	pressButtons: 'Use os botões Confirmar ou Cancelar da mensagem acima (ou /cancelar).',
	sending: '⏳ Enviando para o n8n…',
	cancelled: 'Cadastro cancelado. Nada foi enviado.',
	stale: 'Este assistente não está mais ativo.',
	failedRetry: 'Os dados continuam guardados: toque em Confirmar para tentar de novo ou Cancelar para desistir.',
	created: (name: string, clientId: string, email: string, inviteStatus: string) =>
		[
			`✅ Cliente "${name}" cadastrado.`,
			`ID: ${clientId}`,
			inviteStatus === 'sent'
				? `Convite enviado para ${email}.`
				: `Convite para ${email}: ${inviteStatus}.`,
			'Quando o cliente autorizar, a carga inicial começa sozinha e eu aviso aqui.',
		].join('\n'),
} as const;

export const cancelNothing = 'Não há nenhum assistente em andamento.';
export const cancelled = 'Pronto, saí do assistente. Nada foi enviado.';

export const buttons = {
	confirm: '✅ Confirmar',
	cancel: '❌ Cancelar',
	skip: '⏭ Pular',
	previous: '◀ Anterior',
	next: 'Próxima ▶',
} as const;

export const dashboardsNotConfigured =
	'Os painéis (Metabase) ainda não estão configurados neste bot, então não consigo gerar o link agora.';
