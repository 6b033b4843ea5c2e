export { UserInputError, ValidationError } from './errors';
export { isValidEmail, normalizeEmail } from './email';
export {
	isValidCpf,
	isValidCnpj,
	parseDocument,
	stripDocument,
	formatDocument,
} from './document';
export type { BrazilianDocument, DocumentType } from './document';
export { validateNewClient } from './client-input';
export type { NewClientInput, ValidNewClient } from './client-input';
