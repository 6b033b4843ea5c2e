// The invite e-mail (pt-BR, HTML and plain text): who Viang is, what access the seller grants, the
// link (a Viang URL holding only the random invite token), how long it lasts, and that it is single use.
// With a Bling link, an optional "Conectar Bling" section follows (its own single-use Viang link).
import { escapeHtml } from './html';

export interface InviteEmailInput {
	clientName: string;
	link: string;
	expiresAt: Date;
	/** The optional "Conectar Bling" link (same client, same validity); absent: no Bling section. */
	blingLink?: string | null;
}

export interface InviteEmail {
	subject: string;
	text: string;
	html: string;
}

/** "29/11/2026 às 14:05" in Brasília time. */
export function formatExpiry(date: Date): string {
	const parts = new Intl.DateTimeFormat('pt-BR', {
		timeZone: 'America/Sao_Paulo',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(date);
	const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${get('day')}/${get('month')}/${get('year')} às ${get('hour')}:${get('minute')}`;
}

const ACCESS = [
	'pedidos e vendas (valores, quantidades e status)',
	'anúncios, estoque anunciado e visitas',
	'métricas de Product Ads (Mercado Ads)',
];

export function renderInviteEmail(input: InviteEmailInput): InviteEmail {
	const expires = formatExpiry(input.expiresAt);
	const subject = 'Viang: autorize a integração da sua conta do Mercado Livre';
	const text = [
		`Olá, ${input.clientName}!`,
		'',
		'A Viang é a plataforma de inteligência de dados que reúne as vendas, anúncios e campanhas da sua conta do Mercado Livre num painel com relatórios e análises.',
		'',
		'Para começar, precisamos que você autorize a integração da sua conta do Mercado Livre com a Viang. Abra o link abaixo e siga as instruções na tela do Mercado Livre (é só autorizar):',
		'',
		input.link,
		'',
		'Com a autorização, a Viang passa a ler:',
		...ACCESS.map((item) => `- ${item}`),
		'',
		'A Viang não recebe a sua senha e não altera nada na sua conta. Você pode retirar a autorização quando quiser, nas configurações de segurança do Mercado Livre.',
		'',
		`O link é pessoal, pode ser usado uma única vez e vale até ${expires} (horário de Brasília). Depois da autorização, os dados dos últimos 90 dias são carregados automaticamente e atualizados todos os dias.`,
		'',
		...(input.blingLink
			? [
					'',
					'Opcional — sua empresa usa o Bling? Conecte também a conta do Bling para o painel mostrar o seu estoque e o financeiro (contas a receber e a pagar). Abra o link abaixo e autorize na tela do Bling:',
					'',
					input.blingLink,
					'',
					`Este link também é pessoal e vale uma única vez, até ${expires}. A Viang só lê os dados do Bling e não altera nada na sua conta.`,
				]
			: []),
		'',
		'Se você não esperava este e-mail, pode ignorá-lo. Dúvidas? É só responder a esta mensagem.',
		'',
		'Equipe Viang',
	].join('\n');
	const link = escapeHtml(input.link);
	const blingLink = input.blingLink ? escapeHtml(input.blingLink) : '';
	const blingSection = blingLink
		? `<div style="margin:20px 0 12px;padding:16px;border:1px solid #d0d7de;border-radius:8px">
<p style="margin:0 0 8px;font-weight:bold">Opcional: sua empresa usa o Bling?</p>
<p style="margin:0 0 16px">Conecte também a conta do Bling para o painel mostrar o seu estoque e o financeiro (contas a receber e a pagar). A Viang só lê esses dados e não altera nada no Bling.</p>
<p style="margin:0 0 12px;text-align:center"><a href="${blingLink}" style="display:inline-block;background:#ffffff;color:#2d3a8c;border:2px solid #2d3a8c;text-decoration:none;font-weight:bold;padding:12px 22px;border-radius:8px">Conectar Bling</a></p>
<p style="margin:0;font-size:13px;color:#57606a">Também vale uma única vez, até ${escapeHtml(expires)}. Endereço do link:<br><a href="${blingLink}" style="color:#2d3a8c;word-break:break-all">${blingLink}</a></p>
</div>
`
		: '';
	const html = `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2328;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px 24px">
<p style="margin:0 0 20px;font-weight:bold;letter-spacing:.04em;color:#2d3a8c">VIANG</p>
<p style="margin:0 0 12px">Olá, ${escapeHtml(input.clientName)}!</p>
<p style="margin:0 0 12px">A Viang é a plataforma de inteligência de dados que reúne as vendas, anúncios e campanhas da sua conta do Mercado Livre num painel com relatórios e análises.</p>
<p style="margin:0 0 20px">Para começar, precisamos que você autorize a integração da sua conta do Mercado Livre com a Viang. Clique no botão e siga as instruções na tela do Mercado Livre (é só autorizar):</p>
<p style="margin:0 0 20px;text-align:center"><a href="${link}" style="display:inline-block;background:#2d3a8c;color:#ffffff;text-decoration:none;font-weight:bold;padding:14px 24px;border-radius:8px">Autorizar a integração</a></p>
<p style="margin:0 0 8px">Com a autorização, a Viang passa a ler:</p>
<ul style="margin:0 0 12px;padding-left:20px">${ACCESS.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>
<p style="margin:0 0 12px">A Viang não recebe a sua senha e não altera nada na sua conta. Você pode retirar a autorização quando quiser, nas configurações de segurança do Mercado Livre.</p>
<p style="margin:0 0 12px">O link é pessoal, pode ser usado uma única vez e vale até <strong>${escapeHtml(expires)}</strong> (horário de Brasília). Depois da autorização, os dados dos últimos 90 dias são carregados automaticamente e atualizados todos os dias.</p>
<p style="margin:0 0 12px;font-size:13px;color:#57606a">Se o botão não funcionar, copie este endereço no navegador:<br><a href="${link}" style="color:#2d3a8c;word-break:break-all">${link}</a></p>
${blingSection}<p style="margin:0 0 12px;font-size:13px;color:#57606a">Se você não esperava este e-mail, pode ignorá-lo. Dúvidas? É só responder a esta mensagem.</p>
<p style="margin:0">Equipe Viang</p>
</div>
</body>
</html>
`;
	return { subject, text, html };
}
