// The pages the seller sees at the end of an authorization — Mercado Livre, or the optional Bling
// step (context.provider = 'bling') — in pt-BR, phone-friendly, no scripts, no external resources:
// the confirmation, and one page per failure saying what happened and what to do. Nothing in them
// comes from a token.
import { escapeHtml } from './html';

export type PageKind =
	| 'success'
	| 'denied'
	| 'expired'
	| 'used'
	| 'revoked'
	| 'invalid'
	| 'session_expired'
	| 'provider_error'
	| 'account_mismatch';

export interface Page {
	kind: PageKind;
	statusCode: number;
	title: string;
	html: string;
}

interface PageText {
	statusCode: number;
	title: string;
	paragraphs: string[];
	tone: 'ok' | 'warn' | 'error';
}

export interface PageContext {
	/** Mercado Livre nickname of the account that authorized (account mismatch). */
	nickname?: string | null;
	/** Which authorization the page ends (default Mercado Livre). */
	provider?: 'mercadolivre' | 'bling';
}

const BLING_LINK = 'o link “Conectar Bling” do e-mail do convite';

/** The Bling step's own wording; kinds not listed here read the same for both providers. */
function blingTexts(kind: PageKind): PageText | undefined {
	switch (kind) {
		case 'success':
			return {
				statusCode: 200,
				tone: 'ok',
				title: 'Bling conectado com sucesso',
				paragraphs: [
					'Pronto! Sua conta do Bling foi conectada à Viang.',
					'Não é preciso fazer mais nada: você já pode fechar esta página.',
					'A Viang passa a ler o estoque e o financeiro (contas a receber e a pagar) do seu Bling para o Painel Viang. A Viang não altera nada na sua conta do Bling.',
				],
			};
		case 'denied':
			return {
				statusCode: 200,
				tone: 'warn',
				title: 'A conexão com o Bling não foi autorizada',
				paragraphs: [
					'Você não autorizou o acesso da Viang no Bling, então nada foi conectado. A integração com o Mercado Livre não muda.',
					`Se foi engano, abra de novo ${BLING_LINK} e autorize. Se tiver dúvidas, responda ao e-mail do convite.`,
				],
			};
		case 'used':
			return {
				statusCode: 409,
				tone: 'warn',
				title: 'Este link do Bling já foi usado',
				paragraphs: [
					'O link para conectar o Bling pode ser usado uma única vez, e este já foi. Se o Bling já foi conectado, não é preciso fazer mais nada.',
					'Se precisar conectar de novo, peça um novo convite à Viang respondendo ao e-mail que você recebeu.',
				],
			};
		case 'session_expired':
			return {
				statusCode: 400,
				tone: 'warn',
				title: 'Esta autorização do Bling não vale mais',
				paragraphs: [
					'Por segurança, cada autorização no Bling precisa ser concluída em até 30 minutos, e só a mais recente vale, uma única vez. Nada foi conectado.',
					`Abra de novo ${BLING_LINK} e conclua a autorização.`,
				],
			};
		case 'provider_error':
			return {
				statusCode: 502,
				tone: 'error',
				title: 'O Bling não concluiu a conexão',
				paragraphs: [
					'O Bling não confirmou a autorização — por exemplo, porque o código que ele envia vale só um minuto e expirou. Nada foi conectado.',
					`Abra de novo ${BLING_LINK} e autorize outra vez (o link continua valendo). Se o problema continuar, responda ao e-mail do convite.`,
				],
			};
		default:
			return undefined;
	}
}

const ASK_FOR_A_NEW_INVITE = 'Peça um novo convite à Viang respondendo ao e-mail que você recebeu.';

function texts(kind: PageKind, context: PageContext): PageText {
	switch (kind) {
		case 'success':
			return {
				statusCode: 200,
				tone: 'ok',
				title: 'Integração realizada com sucesso',
				paragraphs: [
					'Pronto! Sua conta do Mercado Livre foi conectada à Viang.',
					'Não é preciso fazer mais nada: você já pode fechar esta página.',
					'Os dados dos últimos 90 dias começam a ser carregados agora e aparecem no Painel Viang assim que o processamento terminar. Depois disso, a atualização é automática, todos os dias.',
				],
			};
		case 'denied':
			return {
				statusCode: 200,
				tone: 'warn',
				title: 'A autorização não foi concedida',
				paragraphs: [
					'Você não autorizou o acesso da Viang no Mercado Livre, então nada foi conectado.',
					'Se foi engano, abra de novo o link do e-mail e clique em “Autorizar”. Se tiver dúvidas, responda ao e-mail do convite.',
				],
			};
		case 'expired':
			return {
				statusCode: 410,
				tone: 'warn',
				title: 'Este link expirou',
				paragraphs: ['Por segurança, o link do convite vale por 7 dias, e este prazo já passou. Nada foi conectado.', ASK_FOR_A_NEW_INVITE],
			};
		case 'used':
			return {
				statusCode: 409,
				tone: 'warn',
				title: 'Este link já foi usado',
				paragraphs: [
					'Cada convite pode ser usado uma única vez, e este já foi. Se a sua integração já foi concluída, não é preciso fazer mais nada.',
					`Se precisar refazer a integração, ${ASK_FOR_A_NEW_INVITE.charAt(0).toLowerCase()}${ASK_FOR_A_NEW_INVITE.slice(1)}`,
				],
			};
		case 'revoked':
			return {
				statusCode: 410,
				tone: 'warn',
				title: 'Este link foi substituído',
				paragraphs: [
					'A Viang enviou um convite mais recente, e este link deixou de valer. Nada foi conectado.',
					'Use o link do e-mail de convite mais recente.',
				],
			};
		case 'invalid':
			return {
				statusCode: 400,
				tone: 'error',
				title: 'Link inválido',
				paragraphs: [
					'Este link está incompleto ou foi alterado, então não pôde ser usado. Nada foi conectado.',
					`Abra o link exatamente como veio no e-mail. Se ainda assim não funcionar, ${ASK_FOR_A_NEW_INVITE.charAt(0).toLowerCase()}${ASK_FOR_A_NEW_INVITE.slice(1)}`,
				],
			};
		case 'session_expired':
			return {
				statusCode: 400,
				tone: 'warn',
				title: 'A autorização demorou demais',
				paragraphs: [
					'Por segurança, a autorização no Mercado Livre precisa ser concluída em até 30 minutos. Nada foi conectado.',
					'Abra de novo o link do e-mail de convite e conclua a autorização.',
				],
			};
		case 'provider_error':
			return {
				statusCode: 502,
				tone: 'error',
				title: 'O Mercado Livre não respondeu como esperado',
				paragraphs: [
					'Não conseguimos concluir a conexão com o Mercado Livre agora. Nada foi alterado.',
					'Tente de novo em alguns minutos pelo mesmo link do e-mail. Se o problema continuar, responda ao e-mail do convite.',
				],
			};
		case 'account_mismatch':
			return {
				statusCode: 409,
				tone: 'error',
				title: 'Esta não é a conta do Mercado Livre esperada',
				paragraphs: [
					context.nickname
						? `A conta que autorizou (${context.nickname}) não é a conta do Mercado Livre registrada para a sua empresa na Viang.`
						: 'A conta que autorizou não é a conta do Mercado Livre registrada para a sua empresa na Viang.',
					'Por segurança, nada foi conectado. A equipe da Viang já foi avisada e vai falar com você; se preferir, responda ao e-mail do convite.',
				],
			};
	}
}

const COLORS = { ok: '#1a7f37', warn: '#9a6700', error: '#cf222e' } as const;
const SYMBOLS = { ok: '✓', warn: '!', error: '×' } as const;

export function renderPage(kind: PageKind, context: PageContext = {}): Page {
	const text = (context.provider === 'bling' ? blingTexts(kind) : undefined) ?? texts(kind, context);
	const color = COLORS[text.tone];
	const body = text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n\t\t');
	const html = `<!doctype html>
<html lang="pt-BR">
<head>
	<meta charset="utf-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<meta name="robots" content="noindex">
	<title>Viang — ${escapeHtml(text.title)}</title>
	<style>
		body { margin: 0; padding: 24px 16px; background: #f5f6f8; color: #1f2328; font: 16px/1.5 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
		main { max-width: 480px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 28px 22px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
		.brand { font-weight: 700; letter-spacing: .04em; color: #2d3a8c; margin: 0 0 20px; }
		.mark { width: 48px; height: 48px; border-radius: 50%; background: ${color}; color: #fff; font-size: 28px; line-height: 48px; text-align: center; margin: 0 0 12px; }
		h1 { font-size: 22px; line-height: 1.3; margin: 0 0 12px; color: ${color}; }
		p { margin: 0 0 12px; }
		footer { max-width: 480px; margin: 16px auto 0; font-size: 13px; color: #57606a; text-align: center; }
	</style>
</head>
<body>
	<main data-page="${kind}"${context.provider === 'bling' ? ' data-provider="bling"' : ''}>
		<p class="brand">VIANG</p>
		<div class="mark" aria-hidden="true">${SYMBOLS[text.tone]}</div>
		<h1>${escapeHtml(text.title)}</h1>
		${body}
	</main>
	<footer>Viang — inteligência de dados para vendedores do Mercado Livre</footer>
</body>
</html>
`;
	return { kind, statusCode: text.statusCode, title: text.title, html };
}
