/** Other programs' customer files in samples/ (written by scripts/samples-sources.mjs), run by sources.test.ts. */
export const SOURCE_SAMPLES = ["kiotviet-khach-hang.xlsx", "misa-sme-khach-hang.xlsx", "misa-amis-khach-hang.xlsx"];
