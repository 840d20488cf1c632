// The uploader on a fake client: what a row becomes when the server's answers go missing or clash.
import { describe, expect, it } from "vitest";
import type { CustomerPayload } from "../../src/customers/types.js";
import { CodeIndex } from "../../src/import/code-index.js";
import { createUploader } from "../../src/import/upload.js";
import type { ImportMode, RowJob } from "../../src/import/upload.js";
import type { Lang } from "../../src/i18n/lang.js";
import { fakeClient, noAnswer, noWaitPacer } from "../helpers/fake-client.js";
import type { FakeClient, FakeClientHooks } from "../helpers/fake-client.js";

const payload = (code: string, name = `Nguyễn Văn ${code}`): CustomerPayload => ({ general_info: { name, customer_code: code, type: "personal", phone_code: "+84", phone: "0933456789" } });
const job = (code: string, extra: Partial<RowJob> = {}): RowJob => ({ row: 2, customerCode: code, payload: payload(code), ...extra });

function uploader(hooks: FakeClientHooks = {}, options: { mode?: ImportMode; maxAttempts?: number; lang?: Lang } = {}) {
  const fake = fakeClient(hooks);
  const pacer = noWaitPacer();
  const index = new CodeIndex(fake.client, pacer);
  // nothing else to wait for: confirmations list at once instead of after 10 s
  index.eager = true;
  const upload = createUploader({ client: fake.client, pacer, index, mode: options.mode ?? "upsert", dryRun: false, backup: true, maxAttempts: options.maxAttempts ?? 3, journal: undefined, lang: options.lang ?? "en" });
  return { fake, index, upload };
}

const creates = (fake: FakeClient) => fake.calls.filter((call) => call.startsWith("create "));
const puts = (fake: FakeClient) => fake.calls.filter((call) => call.startsWith("put "));

describe("a create whose answer never came", () => {
  it("applied on the server: confirmed by listing and taken as created, never sent twice", async () => {
    const { fake, upload } = uploader({ create: (sent, server) => {
      if (creates(server).length === 1) {
        server.insert(sent);
        throw noAnswer();
      }
    } });
    const result = await upload.process(job("KH1"));
    const [id] = fake.records.keys();
    expect(result).toMatchObject({ status: "created", customerId: id, message: expect.stringMatching(/^created; confirmed by listing after: socket hang up/) });
    expect(creates(fake)).toHaveLength(1);
    expect(fake.records.size).toBe(1);
  });

  it("not applied: sent again once the listing shows the code is free", async () => {
    const { fake, upload } = uploader({ create: (_sent, server) => {
      if (creates(server).length === 1) throw noAnswer();
    } });
    const result = await upload.process(job("KH1"));
    expect(result).toMatchObject({ status: "created", customerId: [...fake.records.keys()][0] });
    expect(fake.calls).toEqual(["create KH1", "list 1", "create KH1"]);
  });

  it("never answered and never listed: the row fails after --max-attempts creates, saying why", async () => {
    const { fake, upload } = uploader({ create: () => {
      throw noAnswer();
    } }, { maxAttempts: 2 });
    const result = await upload.process(job("KH1"));
    expect(result).toMatchObject({ status: "failed", message: expect.stringMatching(/^not created: the answers never came or could not be read, and the listing does not hold this code: /) });
    expect(creates(fake)).toHaveLength(2);
    expect(fake.records.size).toBe(0);
  });

  it("applied, but the record found holds other values: someone else's, left alone", async () => {
    const { fake, upload } = uploader({ create: (sent, server) => {
      server.insert({ ...sent, general_info: { ...sent.general_info, name: "Người khác" } });
      throw noAnswer();
    } });
    const result = await upload.process(job("KH1"));
    const [id] = fake.records.keys();
    expect(result).toMatchObject({ status: "failed", customerId: id, message: expect.stringMatching(/created meanwhile by someone else: .*customer_code KH1 .*other values in Name \(general_info\.name\)/) });
    expect(fake.records.get(id!)?.general_info.name).toBe("Người khác");
    expect(puts(fake)).toEqual([]);
  });
});

describe("104100 (the code is taken) for a row sent before an interruption", () => {
  it("the record equals what was sent: adopted as this run's create, nothing overwritten", async () => {
    const { fake, upload } = uploader();
    const id = fake.insert(payload("KH1"));
    const result = await upload.process(job("KH1", { sentBefore: true }));
    expect(result).toMatchObject({ status: "created", customerId: id, message: expect.stringMatching(/an earlier create of this row went unanswered/) });
    expect(fake.calls).toEqual(["create KH1", "list 1", `get ${id}`]);
  });

  it("the record differs: someone else's, reported with the fields that differ, left as it is", async () => {
    const { fake, upload } = uploader();
    const id = fake.insert(payload("KH1", "Trần Thị Khác"));
    const result = await upload.process(job("KH1", { sentBefore: true }));
    expect(result).toMatchObject({ status: "failed", customerId: id, message: expect.stringMatching(/created meanwhile by someone else: .*customer_code KH1 \(customer_id id-1\) with other values in Name \(general_info\.name\)/) });
    expect(fake.records.get(id)?.general_info.name).toBe("Trần Thị Khác");
    expect(puts(fake)).toEqual([]);
  });

  it("a row never sent, in mode create: skipped, the record left alone", async () => {
    const { fake, upload } = uploader({}, { mode: "create" });
    const id = fake.insert(payload("KH1", "Trần Thị Khác"));
    const result = await upload.process(job("KH1"));
    expect(result).toMatchObject({ status: "skipped", customerId: id, message: "customer_code already exists on the server (mode create)" });
    expect(puts(fake)).toEqual([]);
  });

  it("a row never sent, in mode upsert: the code was created since the listing, so the row replaces it", async () => {
    const { fake, upload } = uploader();
    const id = fake.insert(payload("KH1", "Trần Thị Khác"));
    const result = await upload.process(job("KH1"));
    expect(result).toMatchObject({ status: "replaced", customerId: id });
    expect(fake.records.get(id)?.general_info.name).toBe("Nguyễn Văn KH1");
  });
});

describe("a row's message in the run's language", () => {
  it("says in Vietnamese what happened to a create whose answer never came, naming the fields by their Vietnamese headers", async () => {
    const { upload } = uploader({ create: (sent, server) => {
      server.insert({ ...sent, general_info: { ...sent.general_info, name: "Người khác" } });
      throw noAnswer();
    } }, { lang: "vi" });
    const result = await upload.process(job("KH1"));
    expect(result.status).toBe("failed");
    expect(result.message).toMatch(/^người khác đã tạo khách hàng này trong lúc đó: máy chủ có mã khách hàng KH1 \(customer_id \S+\) với giá trị khác ở Tên khách hàng \(general_info\.name\), nên không coi là khách hàng do lần chạy này tạo/);
  });

  it("a create that never got through, and a code that exists under --mode create", async () => {
    const lost = uploader({ create: () => {
      throw noAnswer();
    } }, { maxAttempts: 1, lang: "vi" });
    expect((await lost.upload.process(job("KH1"))).message).toMatch(/^chưa tạo được: máy chủ không trả lời hoặc không đọc được câu trả lời, và danh sách khách hàng không có mã này: /);
    const existing = uploader({}, { mode: "create", lang: "vi" });
    existing.fake.insert(payload("KH2"));
    await existing.index.load();
    expect(await existing.upload.process(job("KH2"))).toMatchObject({ status: "skipped", message: "mã khách hàng đã có trên máy chủ (chế độ create)" });
  });
});
