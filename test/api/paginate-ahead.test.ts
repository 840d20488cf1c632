import { describe, expect, it } from "vitest";
import { createPacer } from "../../src/api/pacer.js";
import { listAllCustomers } from "../../src/api/paginate.js";
import { fakeClient } from "../helpers/fake-client.js";
import type { FakeClient } from "../helpers/fake-client.js";

/** A fake whose list answers wait for the next turn of the event loop, counting how many are out at once. */
function slowList(customers: number, pageSize: number) {
  const fake = fakeClient();
  for (let i = 1; i <= customers; i += 1) fake.insert({ general_info: { customer_code: `KH${i}`, name: `Khách ${i}`, type: "personal" } });
  const listPage = fake.client.listPage.bind(fake.client);
  const seen = { out: 0, most: 0 };
  fake.client.listPage = async (page, size) => {
    seen.out += 1;
    seen.most = Math.max(seen.most, seen.out);
    await new Promise((resolve) => setImmediate(resolve));
    seen.out -= 1;
    return listPage(page, size ?? pageSize);
  };
  return { fake, seen };
}

async function codes(fake: FakeClient, options: { pageSize: number; ahead?: number; concurrency: number }) {
  const pacer = createPacer({ ratePerSecond: 0, concurrency: options.concurrency, retries: 0, maxWaitMs: 0 });
  const listed: string[] = [];
  for await (const customer of listAllCustomers(fake.client, pacer, options)) listed.push(customer.general_info.customer_code);
  return listed;
}

describe("listAllCustomers with meta.pages", () => {
  it("asks the pages meta announces while earlier ones are out, and yields every customer once in list order", async () => {
    const { fake, seen } = slowList(95, 10);
    const listed = await codes(fake, { pageSize: 10, ahead: 4, concurrency: 8 });
    expect(listed).toEqual(Array.from({ length: 95 }, (_, i) => `KH${i + 1}`));
    expect(seen.most).toBe(4);
    // no page past the last that meta announced
    expect(fake.calls).toEqual(Array.from({ length: 10 }, (_, i) => `list ${i + 1}`));
  });

  it("keeps within the pacer's in-flight limit however far ahead it may ask", async () => {
    const { fake, seen } = slowList(95, 10);
    await codes(fake, { pageSize: 10, ahead: 16, concurrency: 2 });
    expect(seen.most).toBe(2);
  });
});
