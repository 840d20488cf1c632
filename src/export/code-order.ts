// The order an export writes in: by customer_code, then id, so nightly files compare line by line.
import type { CustomerRecord } from "../customers/types.js";
import { byCode } from "./diff.js";
import type { Ledger } from "./ledger.js";
import type { Spool, SpoolPlace } from "./spool.js";

/** Where each spooled record sits, by its sequence number: 12 bytes a fetch, not an object. */
export class SpoolPlaces {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);

  note(seq: number, place: SpoolPlace): void {
    if (seq >= this.offsets.length) {
      const offsets = new Float64Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      const lengths = new Uint32Array(this.lengths.length * 2);
      lengths.set(this.lengths);
      this.offsets = offsets;
      this.lengths = lengths;
    }
    this.offsets[seq] = place.offset;
    this.lengths[seq] = place.length;
  }

  at(seq: number): SpoolPlace {
    return { offset: this.offsets[seq]!, length: this.lengths[seq]! };
  }
}

/**
 * Live customers in the order they are written: each one's ledger index and latest spooled version,
 * 8 bytes a customer. The codes are held only while sorting (ids, for equal codes, come from the ledger).
 */
export class Order {
  constructor(
    private readonly indexes: Uint32Array<ArrayBufferLike>,
    private readonly seqs: Uint32Array<ArrayBufferLike>,
  ) {}

  get size(): number {
    return this.indexes.length;
  }

  /** The ledger indexes in order. */
  *ledgerIndexes(): Generator<number> {
    for (const index of this.indexes) yield index;
  }

  /** The spooled versions' places in order. */
  *places(places: SpoolPlaces): Generator<SpoolPlace> {
    for (const seq of this.seqs) yield places.at(seq);
  }
}

/** Live customers sorted by code: one pass over the spool reads each latest record's code (records are not kept). */
export async function codeOrder(ledger: Ledger, spool: Spool<CustomerRecord>, isLive: (index: number) => boolean): Promise<Order> {
  const found = new Found();
  let seq = 0;
  for await (const record of spool.read()) {
    const index = ledger.indexOf(record.customer_id);
    if (index !== undefined && ledger.seq(index) === seq && isLive(index)) found.add(String(record.general_info?.customer_code ?? ""), index, seq);
    seq += 1;
  }
  return found.sorted(ledger);
}

/** With --summary: live customers sorted by the code their listing gave. */
export function summaryOrder(ledger: Ledger, isLive: (index: number) => boolean): Order {
  const found = new Found();
  for (let index = 0; index < ledger.size; index++) if (isLive(index)) found.add(ledger.summary(index).general_info.customer_code, index, 0);
  return found.sorted(ledger);
}

/** Customers found so far, in typed arrays beside their codes, until sorted. */
class Found {
  private readonly codes: string[] = [];
  private indexes = new Uint32Array(1024);
  private seqs = new Uint32Array(1024);

  add(code: string, index: number, seq: number): void {
    const at = this.codes.length;
    if (at === this.indexes.length) {
      this.indexes = grown(this.indexes);
      this.seqs = grown(this.seqs);
    }
    this.codes.push(code);
    this.indexes[at] = index;
    this.seqs[at] = seq;
  }

  /** By code, then id (byCode): the same order as sorting { code, id } records. */
  sorted(ledger: Ledger): Order {
    const { codes, indexes, seqs } = this;
    const count = codes.length;
    const id = (at: number): string => ledger.customerId(indexes[at]!);
    // ids are looked up only for equal codes
    const key = (at: number, other: number) => ({ code: codes[at]!, id: codes[at] === codes[other] ? id(at) : "" });
    const permutation = Uint32Array.from({ length: count }, (_, at) => at).sort((a, b) => byCode(key(a, b), key(b, a)));
    return new Order(
      permutation.map((at) => indexes[at]!),
      permutation.map((at) => seqs[at]!),
    );
  }
}

function grown(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
