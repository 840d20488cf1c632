import { describe, expect, it } from "vitest";
import { JsonNumber, parseJson } from "../../src/api/json.js";
import { fieldValue } from "../../src/customers/from-payload.js";
import type { CustomerPayload } from "../../src/customers/types.js";

describe("parseJson", () => {
  it.each([
    '{"a":[1,-2,3.25,true,false,null,"x\\n\\u00e9\\"y"],"b":{}, "c" : [ ] }',
    '"Phường Bến Nghé"',
    "[0, -0.5, 9007199254740991, 12.75, {\"__proto__\": 1}]",
  ])("reads what JSON.parse reads, the same way: %s", (text) => {
    expect(JSON.stringify(parseJson(text))).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("reads a whole document the way JSON.parse does when one number in it must be kept", () => {
    const text = '{ "a" : [1, -2, 3.25, true, false, null, "x\\n\\u00e9\\"y", {}, []], "__proto__": {"p": 0}, "big": 12345678901234567890 }';
    const parsed = parseJson(text) as Record<string, unknown>;
    expect(String(parsed.big)).toBe("12345678901234567890");
    const { big: _big, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(JSON.stringify(parsed)).toBe(JSON.stringify({ ...rest, big: "12345678901234567890" }));
  });

  it.each([
    ["1234567890123456789", "1234567890123456789"],
    ["9007199254740993", "9007199254740993"],
    ["1.5e21", "1.5e21"],
    ["2E3", "2E3"],
    ["1.50", "1.50"],
  ])("keeps the digits of %s, which a JS number would change", (token, raw) => {
    const value = (parseJson(`{"account_number":${token}}`) as { account_number: unknown }).account_number;
    expect(value).toBeInstanceOf(JsonNumber);
    expect(String(value)).toBe(raw);
    expect(JSON.stringify({ value })).toBe(`{"value":"${raw}"}`);
  });

  it("gives plain numbers where they are exact, and arithmetic still works on kept ones", () => {
    const parsed = parseJson('{"code":102000,"total":1e2}') as { code: unknown; total: unknown };
    expect(parsed.code).toBe(102000);
    expect(Number(parsed.total)).toBe(100);
  });

  it("keeps a __proto__ key as data", () => {
    const parsed = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["", "{", '{"a":1,}', "[1 2]", "01", "tru", '"open', "{} x", "<html>"])("refuses malformed JSON %j", (text) => {
    expect(() => parseJson(text)).toThrow(SyntaxError);
  });
});

describe("a kept number in the import's view of a server record", () => {
  it("reads as its digits in a dry-run diff, not blank and not rounded", () => {
    const record = parseJson('{"general_info":{"name":"A","customer_code":"A","type":"personal"},"bank_accounts":[{"account_number":1234567890123456789}]}') as CustomerPayload;
    expect(fieldValue(record, "bank_accounts.1.account_number")).toBe("1234567890123456789");
  });
});
