export { TokenCipher, TokenKeyError, parseTokenKey, tokenKeyId, ciphertextKeyId } from './token-cipher';
export type { TokenKey } from './token-cipher';
