// A bank account's code and name against the bank table: fill a blank on a unique match, warn on anything else, convert only when asked.
import { BANKS_VERSION } from "../../data/banks.js";
import { msg } from "../../i18n/text.js";
import type { Message } from "../../i18n/text.js";
import { bankLabel, findBankByName, readBankCode } from "./banks.js";
import type { Bank, BankMatch } from "./banks.js";

/** A bank account as the row built it (every value a string, blanks absent). */
export type AccountDraft = Record<string, string | undefined>;
export type BankNote = { attr: "bank_code" | "bank_name"; message: Message };

const SCHEME = { bin: msg("rules.bank.scheme.bin"), short: msg("rules.bank.scheme.short") } as const;
const labels = (banks: Bank[]): string[] => banks.map(bankLabel);

/** Checks one account in place: a code in another scheme, a blank filled from the other cell, a code and name that disagree. */
export function checkBankAccount(account: AccountDraft, fixBankCodes: boolean): BankNote[] {
  const code = account.bank_code;
  const name = account.bank_name;
  if (code === undefined) return name === undefined ? [] : fillCode(account, name);
  const notes: BankNote[] = [];
  const read = readBankCode(code);
  let bank: Bank | undefined;
  if (read.match.kind === "ambiguous") notes.push({ attr: "bank_code", message: msg("rules.bank.ambiguous", { value: code, banks: labels(read.match.banks) }) });
  else if (read.match.kind === "none") notes.push({ attr: "bank_code", message: msg("rules.bank.unknownCode", { code, version: BANKS_VERSION }) });
  else if (read.scheme === "sbv") bank = read.match.bank;
  else {
    const found = read.match.bank;
    const said = { value: code, scheme: SCHEME[read.scheme], bank: found.shortName, code: found.code };
    if (!fixBankCodes) return [{ attr: "bank_code", message: msg("rules.bank.otherScheme", said) }];
    account.bank_code = found.code;
    bank = found;
    notes.push({ attr: "bank_code", message: msg("rules.bank.converted", said) });
  }
  if (bank === undefined) return notes;
  if (name === undefined) {
    account.bank_name = bank.shortName;
    notes.push({ attr: "bank_name", message: msg("rules.bank.nameFilled", { name: bank.shortName, code: bank.code }) });
    return notes;
  }
  const named = findBankByName(name);
  if (named.kind !== "none" && !banksOf(named).includes(bank)) {
    const nameBank = labels(banksOf(named));
    notes.push({ attr: "bank_code", message: msg("rules.bank.disagree", { code: account.bank_code ?? code, codeBank: bankLabel(bank), name, nameBank }) });
  }
  return notes;
}

function fillCode(account: AccountDraft, name: string): BankNote[] {
  const named = findBankByName(name);
  if (named.kind === "ambiguous") return [{ attr: "bank_name", message: msg("rules.bank.ambiguous", { value: name, banks: labels(named.banks) }) }];
  if (named.kind === "none") return [];
  account.bank_code = named.bank.code;
  return [{ attr: "bank_code", message: msg("rules.bank.codeFilled", { code: named.bank.code, name }) }];
}

const banksOf = (match: BankMatch): Bank[] => (match.kind === "one" ? [match.bank] : match.kind === "ambiguous" ? match.banks : []);
