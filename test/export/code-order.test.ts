import { describe, expect, it } from "vitest";
import { SpoolPlaces, codeOrder, summaryOrder } from "../../src/export/code-order.js";
import { byCode } from "../../src/export/diff.js";
import type { Ledger } from "../../src/export/ledger.js";
import type { Spool } from "../../src/export/spool.js";
import type { CustomerRecord } from "../../src/customers/types.js";
import { mulberry32 } from "../helpers/random.js";

// The export writes customers by code, then id: the compact order must be exactly that sort.
interface Customer {
  id: string;
  code: string;
  live: boolean;
  /** the spooled version that is the customer's latest */
  seq: number;
}

function customers(seed: number, count: number): Customer[] {
  const random = mulberry32(seed);
  const codes = ["KH001", "KH002", "KH010", "kh001", "", "Đ01", "A", "KH001 "];
  return Array.from({ length: count }, (_, at) => ({
    id: `${Math.floor(random() * 1e6).toString(36)}-${at}`,
    code: codes[Math.floor(random() * codes.length)]!,
    live: random() < 0.8,
    seq: 0,
  }));
}

/** A ledger and spool over the customers: each spooled once, some twice (an older version first). */
function fakes(list: Customer[], seed: number) {
  const random = mulberry32(seed);
  const spooled: { index: number; code: string }[] = [];
  list.forEach((customer, index) => {
    if (random() < 0.3) spooled.push({ index, code: `old ${customer.code}` });
    customer.seq = spooled.length;
    spooled.push({ index, code: customer.code });
  });
  const ledger = {
    size: list.length,
    indexOf: (id: string) => list.findIndex((customer) => customer.id === id),
    seq: (index: number) => list[index]!.seq,
    customerId: (index: number) => list[index]!.id,
    summary: (index: number) => ({ customer_id: list[index]!.id, general_info: { customer_code: list[index]!.code } }),
  } as unknown as Ledger;
  const spool = {
    async *read() {
      for (const { index, code } of spooled) yield { customer_id: list[index]!.id, general_info: { customer_code: code } } as CustomerRecord;
    },
  } as unknown as Spool<CustomerRecord>;
  return { ledger, spool };
}

const expected = (list: Customer[]) =>
  list
    .map((customer, index) => ({ ...customer, index }))
    .filter((customer) => customer.live)
    .sort(byCode)
    .map(({ index }) => index);

describe("the order an export writes in", () => {
  it.each([1, 2, 3, 4])("is by code, then id, for the latest spooled versions of live customers (seed %i)", async (seed) => {
    const list = customers(seed, 500);
    const { ledger, spool } = fakes(list, seed);
    const isLive = (index: number) => list[index]!.live;
    const order = await codeOrder(ledger, spool, isLive);
    expect(order.size).toBe(list.filter((customer) => customer.live).length);
    expect([...order.ledgerIndexes()]).toEqual(expected(list));
    const places = new SpoolPlaces();
    for (let seq = 0; seq < 2 * list.length; seq++) places.note(seq, { offset: seq * 10, length: seq });
    expect([...order.places(places)].map((place) => place.length)).toEqual(expected(list).map((index) => list[index]!.seq));
    expect([...summaryOrder(ledger, isLive).ledgerIndexes()]).toEqual(expected(list));
  });
});
