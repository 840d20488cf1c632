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

/** A live customer's place in the order: its code and id, and its ledger index and latest spooled version. */
export interface Ordered {
  code: string;
  id: string;
  index: number;
  seq: number;
}

/** Live customers sorted by code: one pass over the spool reads each latest record's code (records are not kept). */
export async function codeOrder(ledger: Ledger, spool: Spool<CustomerRecord>, isLive: (index: number) => boolean): Promise<Ordered[]> {
  const order: Ordered[] = [];
  let seq = 0;
  for await (const record of spool.read()) {
    const index = ledger.indexOf(record.customer_id);
    if (index !== undefined && ledger.seq(index) === seq && isLive(index)) order.push({ code: String(record.general_info?.customer_code ?? ""), id: record.customer_id, index, seq });
    seq += 1;
  }
  return order.sort(byCode);
}

/** With --summary: live customers sorted by the code their listing gave. */
export function summaryOrder(ledger: Ledger, isLive: (index: number) => boolean): Ordered[] {
  const order: Ordered[] = [];
  for (let index = 0; index < ledger.size; index++) {
    if (!isLive(index)) continue;
    const summary = ledger.summary(index);
    order.push({ code: summary.general_info.customer_code, id: summary.customer_id, index, seq: -1 });
  }
  return order.sort(byCode);
}
