// Lookups in the bank table (src/data/banks.ts): by the 3-digit code, by any other code, by name.
import { AMBIGUOUS_BANK_ALIASES, BANKS } from "../../data/banks.js";
import type { Bank } from "../../data/banks.js";
import { normaliseHeader } from "../columns.js";
import { memoised } from "./memo.js";

export type { Bank } from "../../data/banks.js";

/** What a name or code names: one bank, several (never used to fill), or none in the table. */
export type BankMatch = { kind: "one"; bank: Bank } | { kind: "ambiguous"; banks: Bank[] } | { kind: "none" };

/** The scheme a bank code cell is written in: the SBV 3-digit code Finan uses, a NAPAS BIN, or a short code (VietQR, ticker). */
export type BankCodeScheme = "sbv" | "bin" | "short";

// "Ngân hàng TMCP Á Châu", "NH Á Châu" and "Á Châu" are one name: the words every bank has go.
const COMMON_WORDS = /^(?:nganhang|nh)?(?:thuongmaicophan|tmcp|thuongmaitnhhmtv|tnhhmtv|tnhh)?/;

/** Case, diacritics, spaces, punctuation and the leading "Ngân hàng TMCP" ignored. */
export function bankKey(text: string): string {
  const key = normaliseHeader(text);
  const bare = key.replace(COMMON_WORDS, "");
  return bare === "" ? key : bare;
}

const byCode = new Map<string, Bank>(BANKS.map((bank) => [bank.code, bank]));
const byBin = new Map<string, Bank[]>();
const byShortCode = new Map<string, Bank[]>();
const byName = new Map<string, Bank[]>();

function add(index: Map<string, Bank[]>, key: string, bank: Bank): void {
  const banks = index.get(key);
  if (banks === undefined) index.set(key, [bank]);
  else if (!banks.includes(bank)) banks.push(bank);
}

for (const bank of BANKS) {
  add(byBin, bank.bin, bank);
  for (const code of [bank.vietqr, ...(bank.tickers ?? [])]) add(byShortCode, bankKey(code), bank);
  for (const name of [bank.shortName, bank.nameVi, bank.vietqr, ...(bank.tickers ?? []), ...(bank.aliases ?? [])]) add(byName, bankKey(name), bank);
}
for (const { alias, codes } of AMBIGUOUS_BANK_ALIASES) {
  for (const code of codes) {
    add(byName, bankKey(alias), byCode.get(code)!);
    add(byShortCode, bankKey(alias), byCode.get(code)!);
  }
}

const matchOf = (banks: Bank[] | undefined): BankMatch =>
  banks === undefined || banks.length === 0 ? { kind: "none" } : banks.length === 1 ? { kind: "one", bank: banks[0]! } : { kind: "ambiguous", banks: [...banks] };

/** The bank of a State Bank 3-digit code ("203" → Vietcombank). */
export function findBankByCode(code: string): Bank | undefined {
  return byCode.get(code.trim());
}

/** A bank by its name, former name, short name or short code, matched exactly after normalising; two banks → ambiguous. */
export const findBankByName: (name: string) => BankMatch = memoised((name) => matchOf(byName.get(bankKey(name))));

/** A code cell read in each scheme: 3 digits (SBV), 6 digits (NAPAS BIN), letters (VietQR code or ticker). */
export const readBankCode: (value: string) => { scheme: BankCodeScheme; match: BankMatch } = memoised((value) => {
  const code = value.trim();
  if (/^\d{3}$/.test(code)) return { scheme: "sbv", match: matchOf(byCode.has(code) ? [byCode.get(code)!] : undefined) };
  if (/^\d{6}$/.test(code)) return { scheme: "bin", match: matchOf(byBin.get(code)) };
  return { scheme: "short", match: matchOf(byShortCode.get(bankKey(code))) };
});

/** "Vietcombank (203)": how a message names a bank. */
export const bankLabel = (bank: Bank): string => `${bank.shortName} (${bank.code})`;
