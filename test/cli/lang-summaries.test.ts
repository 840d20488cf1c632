// What each command says at its end in Vietnamese, as a Vietnamese accountant reads it (reviewed): the lines
// cli.ts, commands/ and output/ print; rows' own messages come from their areas and are masked here.
import { copyFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, setup } from "../helpers/cli.js";

const SAMPLES = join(process.cwd(), "samples");

/** The run's own variable parts (time, rates, folders, ports, dates, sizes) made fixed; rows' reasons masked. */
function normalised(text: string, dir: string): string {
  return text
    .split(dir).join("<dir>")
    .replace(/\d+,\d giây/g, "… giây")
    .replace(/\(\d+(,\d+)? (yêu cầu|khách hàng)\/giây/g, "(… $2/giây")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>")
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?/g, "<time>")
    .replace(/\d+(\.\d)? (B|kB|MB)\b/g, "<size>")
    .replace(/^( {2}\d+ × ).*$/gm, "$1<reason>")
    .replace(/^(cảnh báo: ).*$/gm, "$1<warning>")
    .replace(/\.journal[.\w-]*/g, ".journal…");
}

describe("Vietnamese summaries", () => {
  it("template, validate (a clean file and the mistakes sample)", async () => {
    const { dir } = await setup();
    const template = await runCli(["template", "mau.xlsx", "--lang", "vi"], { cwd: dir });
    expect(normalised(template.stderr, dir)).toMatchInlineSnapshot(`
      "Tệp mẫu: mau.xlsx (29 cột, 2 dòng ví dụ, ô chọn loại khách hàng và trang tính hướng dẫn).
      Hãy xóa các dòng ví dụ, điền khách hàng của bạn, rồi chạy: finan-bulk validate mau.xlsx
      "
    `);

    await copyFile(join(SAMPLES, "customers.csv"), join(dir, "customers.csv"));
    const clean = await runCli(["validate", "customers.csv", "--lang", "vi"], { cwd: dir });
    expect(normalised(clean.stderr, dir)).toMatchInlineSnapshot(`
      "Kiểm tra 30 dòng, mất … giây: 30 hợp lệ, 0 không hợp lệ.
      Tệp kết quả: <dir>/customers.check.csv
      "
    `);

    await copyFile(join(SAMPLES, "customers-with-mistakes.xlsx"), join(dir, "mistakes.xlsx"));
    const mistakes = await runCli(["validate", "mistakes.xlsx", "--lang", "vi"], { cwd: dir });
    expect(normalised(mistakes.stderr, dir)).toMatchInlineSnapshot(`
      "cảnh báo: <warning>
      Kiểm tra 12 dòng, mất … giây: 10 không hợp lệ, 2 hợp lệ.
      Lỗi gặp nhiều nhất:
        1 × <reason>
        1 × <reason>
        1 × <reason>
        1 × <reason>
        1 × <reason>
      1 cảnh báo trong các dòng: xem cột Thông báo của tệp kết quả.
      Hãy sửa 10 dòng không hợp lệ ngay trong tệp kết quả (mỗi lỗi đều ghi rõ cột), rồi kiểm tra hoặc nhập chính tệp kết quả đó.
      Tệp kết quả: <dir>/mistakes.check.xlsx
      "
    `);
  });

  it("import (a dry run, then for real), runs, export and undo against the sandbox", async () => {
    const { dir, env } = await setup();
    await copyFile(join(SAMPLES, "customers.csv"), join(dir, "customers.csv"));
    // --rate 0: no pacing, so the test takes no longer than the sandbox needs
    const run = (argv: string[]) => runCli([...argv, "--lang", "vi", ...(argv[0] === "runs" ? [] : ["--rate", "0"])], { cwd: dir, env });

    const plan = await run(["import", "customers.csv", "--dry-run"]);
    expect(normalised(plan.stderr, dir)).toMatchInlineSnapshot(`
      "Chạy thử 30 dòng, mất … giây: 30 sẽ tạo; đã gửi 1 yêu cầu (… yêu cầu/giây).
      Tệp kết quả: <dir>/customers.dry-run.csv
      "
    `);
    const imported = await run(["import", "customers.csv"]);
    expect(normalised(imported.stderr, dir)).toMatchInlineSnapshot(`
      "Nhập 30 dòng, mất … giây: 30 đã tạo; đã gửi 31 yêu cầu (… yêu cầu/giây).
      Tệp kết quả: <dir>/customers.report.csv
      "
    `);
    const runs = await run(["runs", "customers.report.csv"]);
    expect(normalised(runs.stdout + runs.stderr, dir)).toMatchInlineSnapshot(`
      "Các lần chạy của <dir>/customers.report.csv (mới nhất ở cuối; mỗi nhật ký xử lý giữ bản cũ của khách hàng, là dữ liệu cá nhân):
        lần 1  <time> UTC  đã xong  30 đã tạo  <size>  customers.report.csv.journal…
      "
    `);
    const exported = await run(["export", "khach-hang.xlsx"]);
    expect(normalised(exported.stderr, dir)).toMatchInlineSnapshot(`
      "Đã liệt kê 30 khách hàng; sẽ tải thông tin đầy đủ nhanh nhất có thể, theo tốc độ trả lời của máy chủ (không đặt --rate).
      Đã xuất 30 khách hàng ra khach-hang.xlsx, mất … giây (… khách hàng/giây, 32 yêu cầu).
      "
    `);
    const undonePlan = await run(["undo", "customers.report.csv", "--dry-run"]);
    expect(normalised(undonePlan.stderr, dir)).toMatchInlineSnapshot(`
      "Xem trước hoàn tác 30 dòng, mất … giây: 30 sẽ xóa; đã gửi 30 yêu cầu (… yêu cầu/giây).
      Tệp kết quả: <dir>/customers.report.undo-plan.csv
      "
    `);
    const undone = await run(["undo", "customers.report.csv"]);
    expect(normalised(undone.stderr, dir)).toMatchInlineSnapshot(`
      "Hoàn tác 30 dòng, mất … giây: 30 đã xóa; đã gửi 60 yêu cầu (… yêu cầu/giây).
      Tệp kết quả: <dir>/customers.report.undo.csv
      "
    `);
  });

  it("sandbox: its startup lines and its goodbye", async () => {
    const stopped = new AbortController();
    stopped.abort("SIGINT");
    const run = await runCli(["sandbox", "--port", "0", "--lang", "vi"], { signal: stopped.signal });
    expect(run.code).toBe(0);
    expect(normalised(run.stderr, "\0")).toMatchInlineSnapshot(`
      "Máy chủ thử nghiệm Finan đang chạy tại http://127.0.0.1:<port>/open
      Đây là thông tin xác thực cố định của máy chủ thử nghiệm, chỉ dùng được ở đây.
      Khách hàng chỉ được giữ trong bộ nhớ cho đến khi bạn dừng máy chủ (Ctrl-C).
      Đã dừng máy chủ thử nghiệm.
      "
    `);
    // KEY=value lines for a shell: the same in every language
    expect(normalised(run.stdout, "\0")).toMatchInlineSnapshot(`
      "FINAN_BASE_URL=http://127.0.0.1:<port>/open
      FINAN_CLIENT_ID=demo-client
      FINAN_SECRET_KEY=demo-secret-do-not-use-in-production
      "
    `);
  });

  it("sandbox: a bad setting or data file, said in Vietnamese with what to do", async () => {
    const { dir } = await setup();
    const stopped = new AbortController();
    stopped.abort("SIGINT");
    const badRate = await runCli(["sandbox", "--port", "0", "--fail-rate", "2", "--lang", "vi"], { signal: stopped.signal });
    expect(badRate.code).toBe(2);
    expect(badRate.stderr).toBe("finan-bulk sandbox: Máy chủ thử nghiệm: tỷ lệ lỗi (--fail-rate) phải từ 0 đến 1, không nhận 2.\n");
    await writeFile(join(dir, "khach-hang.json"), "[1, 2, 3]");
    const badData = await runCli(["sandbox", "--port", "0", "--data", "khach-hang.json", "--lang", "vi"], { cwd: dir, signal: stopped.signal });
    expect(badData.code).toBe(2);
    expect(badData.stderr).toBe(`finan-bulk sandbox: Tệp ${join(dir, "khach-hang.json")} không phải tệp dữ liệu do máy chủ thử nghiệm lưu.\n  → Hãy cho --data trỏ tới một tệp mới, hoặc xóa tệp này để bắt đầu với dữ liệu trống.\n`);
  });
});
