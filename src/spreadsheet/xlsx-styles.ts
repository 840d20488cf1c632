// styles.xml as what the reader needs of it: each cell style's number format (dates, scientific, 00123).
import { readXml } from "./xml-events.js";

/** Excel's built-in number formats by id (ECMA-376 18.8.30), as exceljs knows them. */
const BUILT_IN: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** The number format of each cell style (the `s` of a cell), by index; undefined for none. */
export async function readNumberFormats(xml: AsyncIterable<Buffer>): Promise<(string | undefined)[]> {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readXml(xml, {
    open(name, attributes) {
      if (name === "numFmt" && attributes.numFmtId !== undefined && attributes.formatCode !== undefined) {
        custom.set(Number(attributes.numFmtId), attributes.formatCode);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styleFormats.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id]) : undefined));
}
