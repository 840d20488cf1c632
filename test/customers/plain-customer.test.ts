import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { PLAIN_FIELDS, plainCustomer } from "../../src/customers/plain-customer.js";
import type { PlainField } from "../../src/customers/plain-customer.js";
import { customerSchema } from "../../src/customers/schema.js";
import { mulberry32 } from "../helpers/random.js";


const long = (n: number) => "x".repeat(n);
// Valid values first in each list; the rest are near misses at each rule's edges.
const POOLS = {
  text: ["Nguyễn Văn A", "KH001", "Việt Nam", "0", "1e5", "00123", "Ｘ", long(255), long(256), "", " ", "  a  ", "\u200B", "a\u0000b", "=SUM(A1)", "Nguye\u0302\u0303n"],
  phone: ["0933456789", "+84 933 456 789", "(028) 3822-1234", "123456", "123456789012345", "0933\u00A0456\u3000789", "12345", "1234567890123456", "++84933456789", "1+23456", "0933 456 789 / 0912 345 678", "abc", "٣٣٣٣٣٣", "", " ", "+", "0933456789 ext 12"],
  email: ["a@b.vn", "nguyen.van.a.12@example.vn", "A+B_c'd@X-Y.COM", "a@b.co", "a@b", "a@b.c", "a..b@x.vn", ".a@x.vn", "a.@x.vn", "a@-x.vn", "ä@x.vn", " a@x.vn", "a@x.vn ", "", "@x.vn", "a@x.v1", "a@@x.vn"],
  phoneCode: ["+84", "84", "+1-684", "+1234-1234", "1", "1-23456", "+12345", "+", "", "8 4", "+84 ", "８４", "1-", "-1", "+-1", "٨٤"],
  type: ["company", "personal", "Cá nhân", "CONG TY", "Tổ chức", "doanh_nghiep", "vip", "", " ", "company ", "Company", "toString", "__proto__", "Cong  ty!"],
} as const satisfies Record<PlainField["check"], readonly string[]>;
const VALID_COUNT = { text: 7, phone: 6, email: 4, phoneCode: 5, type: 6 };
// made afresh each time: a shared object in two places of one row would be another test
const ODD_VALUES: (() => unknown)[] = [() => undefined, () => null, () => 84, () => true, () => ({}), () => [], () => new String("x")];
const ODD_OBJECTS: (() => unknown)[] = [() => null, () => "x", () => 1, () => [], () => Object.create(null) as object, () => new (class Row {})(), () => new Map()];

function generator(seed: number) {
  const random = mulberry32(seed);
  const below = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const pick = <T>(list: readonly T[]): T => list[below(list.length)]!;
  const value = (check: PlainField["check"], nearMiss: boolean): unknown => {
    if (nearMiss && chance(0.15)) return pick(ODD_VALUES)();
    const pool = POOLS[check];
    return nearMiss ? pick(pool) : pool[below(VALID_COUNT[check])]!;
  };
  // An object of the listed fields; a near miss leaves out, adds or changes a field, or is no plain object at all.
  const object = (fields: readonly PlainField[], miss: number): unknown => {
    if (chance(miss * 0.1)) return pick(ODD_OBJECTS)();
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const nearMiss = chance(miss);
      if (!field.required && chance(0.3)) continue;
      if (nearMiss && chance(0.1)) continue; // a required field missing, sometimes
      out[field.key] = value(field.check, nearMiss);
    }
    if (chance(miss * 0.2)) out.extra = "kept out by zod";
    return out;
  };
  const list = (fields: readonly PlainField[], miss: number): unknown => {
    if (chance(miss * 0.1)) return chance(0.5) ? new Array(2) : pick(ODD_OBJECTS)();
    return Array.from({ length: below(4) }, () => object(fields, miss));
  };
  return (): unknown => {
    // most rows valid, as a real file's are; the rest with a few near misses anywhere
    const miss = chance(0.4) ? 0 : pick([0.05, 0.2, 0.5]);
    const general = object(PLAIN_FIELDS.general_info, miss) as Record<string, unknown>;
    if (typeof general === "object" && general !== null && chance(0.5)) general.contact_persons = list(PLAIN_FIELDS.contact_persons, miss);
    const row: Record<string, unknown> = { general_info: general };
    if (chance(0.7)) row.address = object(PLAIN_FIELDS.address, miss);
    if (chance(0.5)) row.bank_accounts = list(PLAIN_FIELDS.bank_accounts, miss);
    if (chance(miss * 0.1)) row.address = undefined;
    return chance(miss * 0.05) ? pick(ODD_OBJECTS)() : row;
  };
}

/** Deep equality that also holds key order and prototypes: the payload's key order is part of what zod returns. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const aKeys = Reflect.ownKeys(a);
  const bKeys = Reflect.ownKeys(b);
  return aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i] && same((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key]));
}

describe("plainCustomer, the fast path before zod", () => {
  it("for thousands of generated rows either declines or returns exactly what customerSchema.safeParse returns", () => {
    const next = generator(20261206);
    let fast = 0;
    let declined = 0;
    let declinedButValid = 0;
    for (let n = 0; n < 12_000; n++) {
      const input = next();
      const snapshot = JSON.stringify(input);
      const payload = plainCustomer(input);
      if (payload === undefined) {
        declined++;
        // zod on a row it rejects costs ~250 µs (its issues): a sample says how much valid the fast path leaves to it
        if (declined % 8 === 0 && customerSchema.safeParse(input).success) declinedButValid++;
        continue;
      }
      fast++;
      const result = customerSchema.safeParse(input);
      if (!result.success) expect.fail(`fast path accepted a row zod rejects: ${snapshot} (${result.error.issues.map((issue) => issue.message).join("; ")})`);
      // compared by hand: expect() on every row would cost more than zod does
      if (!same(payload, result.data)) expect.fail(`${snapshot}: fast path gave ${JSON.stringify(payload)}, zod ${JSON.stringify(result.data)}`);
      if (JSON.stringify(input) !== snapshot) expect.fail(`the fast path changed its input ${snapshot}`);
    }
    // the mix has to exercise both sides, and the fast path has to take nearly every valid row
    expect(fast).toBeGreaterThan(3000);
    expect(declined).toBeGreaterThan(3000);
    expect((declinedButValid * 8) / fast).toBeLessThan(0.1);
  });

  it("makes new objects, so a later change to the payload does not reach the row's draft", () => {
    const input = { general_info: { customer_code: "KH1", name: "A", type: "Cá nhân", extra: "x" }, address: { province: "Hà Nội" } };
    const payload = plainCustomer(input);
    expect(payload).toStrictEqual({ general_info: { name: "A", customer_code: "KH1", type: "personal" }, address: { province: "Hà Nội" } });
    expect(payload?.address).not.toBe(input.address);
  });
});

// The schema, walked: each object's shape keys, whether each field is optional, and what kind of check it has.
type Walked = { keys: string[]; objectChecks: number; fields: Record<string, { optional: boolean; kind: string }> };
type Inner = z.core.$ZodType & { _zod: { def: { type: string; shape?: Record<string, Inner>; innerType?: Inner; element?: Inner; checks?: unknown[]; format?: string } } };

/** Through optional and array wrappers to the object or field inside, counting the checks met on the way (a refine on an optional sits on the wrapper). */
function unwrap(schema: Inner): { optional: boolean; inner: Inner; checks: number } {
  const def = schema._zod.def;
  const own = def.checks?.length ?? 0;
  if (def.type !== "optional" && def.type !== "array") return { optional: false, inner: schema, checks: own };
  const inside = unwrap(def.type === "optional" ? def.innerType! : def.element!);
  return { optional: def.type === "optional" || inside.optional, inner: inside.inner, checks: own + inside.checks };
}

function walk(schema: Inner): Walked {
  const { inner, checks } = unwrap(schema);
  const shape = inner._zod.def.shape ?? {};
  const fields: Walked["fields"] = {};
  for (const [key, field] of Object.entries(shape)) {
    const { optional, inner: leaf, checks: leafChecks } = unwrap(field);
    const def = leaf._zod.def;
    const kind = def.type === "pipe" ? "transformed" : def.type === "string" && !def.format && leafChecks === 0 ? "text" : def.type === "string" ? "checked" : def.type;
    fields[key] = { optional, kind };
  }
  return { keys: Object.keys(shape), objectChecks: checks, fields };
}

describe("PLAIN_FIELDS against the schema", () => {
  const customer = walk(customerSchema as unknown as Inner);
  const shapeOf = (key: string, parent: Inner = customerSchema as unknown as Inner) => (unwrap(parent)).inner._zod.def.shape![key]!;
  const general = shapeOf("general_info");
  const groups: [string, Inner, readonly PlainField[]][] = [
    ["general_info", general, PLAIN_FIELDS.general_info],
    ["contact_persons", shapeOf("contact_persons", general), PLAIN_FIELDS.contact_persons],
    ["address", shapeOf("address"), PLAIN_FIELDS.address],
    ["bank_accounts", shapeOf("bank_accounts"), PLAIN_FIELDS.bank_accounts],
  ];
  const expectedKind = { text: "text", type: "transformed", phone: "checked", email: "checked", phoneCode: "checked" };

  it("knows every object of the payload, in the schema's order", () => {
    expect(customer.keys).toEqual(["general_info", "address", "bank_accounts"]);
    expect(customer.objectChecks).toBe(0);
    expect(walk(general).keys.at(-1)).toBe("contact_persons");
  });

  it.each(groups)("knows every field of %s, its order, whether it is required and what kind of check it has", (_name, schema, fields) => {
    const walked = walk(schema);
    const own = walked.keys.filter((key) => key !== "contact_persons");
    expect(own).toEqual(fields.map((field) => field.key));
    for (const field of fields) expect(walked.fields[field.key], field.key).toEqual({ optional: !field.required, kind: expectedKind[field.check] });
  });

  it("checks by hand exactly the object rules the schema has: a company's contact and a bank's code or name", () => {
    // a new refine on any object fails here: plainCustomer must learn it (or decline) first
    expect(groups.map(([name, schema]) => [name, walk(schema).objectChecks])).toEqual([
      ["general_info", 1],
      ["contact_persons", 0],
      ["address", 0],
      ["bank_accounts", 1],
    ]);
  });
});
