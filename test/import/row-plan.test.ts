import { describe, expect, it } from "vitest";
import { parseAction } from "../../src/customers/actions.js";
import type { InputRow } from "../../src/customers/read-input.js";
import { planRow } from "../../src/import/row-plan.js";
import { msg } from "../../src/i18n/text.js";

const valid = (action?: string, extra: Partial<InputRow> = {}): InputRow => ({
  row: 5,
  values: [],
  previous: {},
  outcome: { row: 5, ok: true, customerCode: "KH1", payload: { general_info: { customer_code: "KH1", name: "An", type: "personal" } }, groups: { contacts: [], banks: [] }, warnings: [] },
  ...(action === undefined ? {} : { action }),
  ...extra,
});
const nameMissing: InputRow["outcome"] = { row: 5, ok: false, customerCode: "KH1", issues: [{ field: "general_info.name", message: msg("customers.mapping.invalid") }], warnings: [] };
const plan = (input: InputRow, allowDelete = true) => planRow(input, { mode: "upsert", allowDelete, lang: "en" });

describe("parseAction", () => {
  it.each([
    ["create", "create"], ["Tạo mới", "create"], ["tao moi", "create"], ["UPSERT", "upsert"], ["update", "update"], ["replace", "update"],
    ["Chỉ cập nhật", "update"], ["thay thế", "update"], ["merge", "merge"], ["Cập nhật (giữ ô trống)", "merge"], ["delete", "delete"],
    ["XÓA", "delete"], ["xoá", "delete"], ["skip", "skip"], ["Bỏ qua", "skip"], ["cập nhật", "ambiguous"], ["nuke", undefined], ["gộp", undefined],
  ] as const)("reads %s as %s", (text, action) => {
    expect(parseAction(text)).toBe(action);
  });
});

describe("planRow", () => {
  it("follows --mode when the Action cell is blank, and the cell when it is filled", () => {
    expect(plan(valid())).toMatchObject({ kind: "write", mode: "upsert" });
    expect(plan(valid("merge"))).toMatchObject({ kind: "write", mode: "merge" });
    expect(plan(valid("bỏ qua"))).toMatchObject({ kind: "done", result: { status: "skipped" } });
  });

  it("a delete row without --allow-delete is invalid; a hidden one is skipped; neither is sent", () => {
    expect(plan(valid("xóa"), false)).toMatchObject({ kind: "done", result: { status: "invalid", message: expect.stringMatching(/--allow-delete/) } });
    expect(plan(valid("delete", { hidden: true }))).toMatchObject({ kind: "done", hidden: true, result: { status: "skipped" } });
  });

  it("a delete reads only the code and the id: a row whose name is missing is still deleted, by code or by id", () => {
    expect(plan(valid("delete", { outcome: nameMissing }))).toEqual({ kind: "delete", job: { row: 5, customerCode: "KH1", customerId: undefined } });
    const idOnly: InputRow["outcome"] = { row: 5, ok: false, issues: [{ field: "general_info.customer_code", message: msg("customers.mapping.invalid") }], warnings: [] };
    expect(plan(valid("delete", { outcome: idOnly, previous: { customer_id: "abc" } }))).toEqual({ kind: "delete", job: { row: 5, customerCode: undefined, customerId: "abc" } });
    expect(plan(valid("delete", { outcome: idOnly }))).toMatchObject({ kind: "done", result: { status: "invalid" } });
  });

  it("a write row needs the whole row valid", () => {
    expect(plan(valid("create", { outcome: nameMissing }))).toMatchObject({ kind: "done", result: { status: "invalid" } });
  });
});
