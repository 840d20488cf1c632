// The refusals of import and undo in Vietnamese still name the file, the run and what to do.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ToolError, describeError } from "../../src/errors.js";
import { claimOutput } from "../../src/import/fingerprint.js";
import { acquireLocks } from "../../src/import/lock.js";
import { refuseInputAsReport } from "../../src/import/report.js";
import type { JournalState } from "../../src/import/journal.js";
import { refuseOutOfOrder, undoTargets } from "../../src/undo/targets.js";

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function caught(work: () => unknown): ToolError {
  try {
    work();
  } catch (error) {
    if (error instanceof ToolError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

/** A journal state whose run created KH1. */
function createdKh1(): JournalState {
  const state: JournalState = { header: { t: "run", version: 1, command: "import", input: "in.csv", mode: "upsert", startedAt: "2026-12-01T08:00:00.000Z" }, intents: new Map(), done: new Map(), finished: true, damaged: [], undone: undefined };
  state.intents.set("code:KH1", { t: "intent", row: 2, op: "create", code: "KH1", sent: { general_info: { customer_code: "KH1", name: "An", type: "personal" } } });
  state.done.set("code:KH1", { row: 2, status: "created", customerCode: "KH1", customerId: "c1" });
  return state;
}

describe("import and undo refusals in Vietnamese", () => {
  it("a report in use by another run: which file, which run, and to wait or delete the lock", async () => {
    dir = await mkdtemp(join(tmpdir(), "lang-errors-"));
    const report = join(dir, "kh.report.xlsx");
    const held = acquireLocks("finan-bulk import", [report]);
    try {
      const text = describeError(caught(() => acquireLocks("finan-bulk undo", [report])), "vi");
      expect(text).toContain(`${report} đang được dùng bởi finan-bulk import (pid ${process.pid}, từ `);
      expect(text).toMatch(/Chưa gửi và chưa ghi gì\.\n {2}→ Hãy đợi lần chạy đó xong, hoặc dừng nó\. Nếu không có lần chạy nào như vậy, hãy xóa \S+\.lock rồi chạy lại\./);
    } finally {
      held.release();
    }
  });

  it("a report edited by hand is not overwritten: the file, and --only, --report or --force", async () => {
    dir = await mkdtemp(join(tmpdir(), "lang-errors-"));
    const report = join(dir, "kh.report.csv");
    await writeFile(report, "edited by hand\n");
    const error = caught(() => claimOutput(report, false));
    expect(error.code).toBe("E_OVERWRITE");
    expect(error.text("vi")).toBe(`Đã có tệp kết quả ${report} không do finan-bulk ghi ra (hoặc do phiên bản cũ không lưu dấu vết): ghi tệp kết quả của lần chạy này đè lên sẽ làm mất nội dung đó. Chưa gửi và chưa ghi gì.`);
    expect(error.hintText("vi")).toBe("Nếu tệp đó có các chỗ đã sửa, hãy nhập nó (finan-bulk import kh.report.csv --only failed,invalid). Hoặc chọn tệp khác bằng --report, hoặc thêm --force để ghi đè.");
    expect(error.message).toMatch(/^The report .* exists and was not written by finan-bulk/);
  });

  it("the report would overwrite its input", () => {
    const error = caught(() => refuseInputAsReport("/tmp/kh.csv", "/tmp/kh.csv"));
    expect(describeError(error, "vi")).toBe("Tệp kết quả sẽ ghi đè lên tệp đầu vào /tmp/kh.csv.\n  → Hãy chọn tệp khác bằng --report.");
  });

  it("undo out of order: the newer run to undo first, by its command", () => {
    const run = (number: number, latest: boolean) => {
      const state = createdKh1();
      return { number, path: latest ? "r.journal" : `r.run-${number}.journal`, header: state.header, state, bytes: 10, latest };
    };
    const [older, newer] = [run(1, false), run(2, true)];
    const error = caught(() => refuseOutOfOrder("kh.report.xlsx", older, [older, newer], undoTargets(older.state)));
    expect(error.code).toBe("E_UNDO_ORDER");
    expect(error.text("vi")).toBe("Lần chạy 2 của kh.report.xlsx (bắt đầu lúc 2026-12-01T08:00:00.000Z) đã sửa 1 khách hàng mà lần chạy 1 đã ghi (KH1), và chưa được hoàn tác. Chưa gửi gì lên máy chủ.");
    expect(error.hintText("vi")).toBe("Hãy hoàn tác lần chạy mới hơn trước: finan-bulk undo kh.report.xlsx --run 2; sau đó hoàn tác lần chạy 1. Hoặc thêm --force để vẫn hoàn tác lần chạy 1 đè lên các thay đổi đó.");
  });
});
