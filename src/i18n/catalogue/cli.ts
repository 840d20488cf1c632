// The command line: usage errors, how a run ends early, and (from the files beside this one) help, yargs's words and the commands' own lines.
import type { Translated } from "../text.js";
import { cliCommands } from "./cli-commands.js";
import { cliExport } from "./cli-export.js";
import { cliHelp } from "./cli-help.js";
import { cliYargs } from "./cli-yargs.js";

const cliMain = {
  "cli.usage.line": { en: "finan-bulk: {text}", vi: "finan-bulk: {text}" },
  "cli.usage.reason": { en: "{text}", vi: "{text}" },
  "cli.usage.unknownOption": { en: "unknown option {option}", vi: "không có tùy chọn {option}" },
  "cli.usage.unknownOptions": { en: "unknown options {options}", vi: "không có các tùy chọn {options}" },
  "cli.usage.unknownCommand": { en: "unknown command {command}", vi: "không có lệnh {command}" },
  "cli.usage.didYouMean": { en: "{given} (did you mean {suggestion}?)", vi: "{given} (có phải ý bạn là {suggestion}?)" },
  "cli.usage.missingFile": { en: "Missing the file to work on: {usage}", vi: "Thiếu tệp cần xử lý: {usage}" },
  "cli.usage.seeCommandHelp": { en: "See its options with: finan-bulk {command} --help", vi: "Xem các tùy chọn của lệnh: finan-bulk {command} --help" },
  "cli.usage.seeHelp": { en: "See the commands with: finan-bulk --help", vi: "Xem các lệnh: finan-bulk --help" },
  "cli.notLoaded": { en: "The {command} command was not loaded.", vi: "Lệnh {command} chưa được nạp." },
  "cli.endedAtOnce": { en: "Stopped at once, before the run could finish: run the same command again to continue.", vi: "Đã dừng ngay, trước khi lần chạy kịp xong: hãy chạy lại đúng lệnh này để chạy tiếp." },
  "cli.endedUnexpectedly": { en: "The process ended unexpectedly (exit {code}) before the run could finish: run the same command again, with --debug to see why.", vi: "Tiến trình kết thúc bất ngờ (mã thoát {code}) trước khi lần chạy kịp xong: hãy chạy lại đúng lệnh này, thêm --debug để xem nguyên nhân." },
  "cli.internalError": { en: "finan-bulk: internal error: {text}", vi: "finan-bulk: lỗi nội bộ: {text}" },
  "cli.internalErrorHint": { en: "This is a defect in finan-bulk: please report it with the command you ran (--debug shows where it happened).", vi: "Đây là lỗi của finan-bulk: hãy báo lại kèm lệnh bạn đã chạy (--debug cho biết lỗi xảy ra ở đâu)." },
} as const satisfies Record<string, Translated>;

export const cli = { ...cliMain, ...cliHelp, ...cliYargs, ...cliCommands, ...cliExport };
