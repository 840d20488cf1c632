// What resolving the connection says: missing or unsafe settings, and an env file others can read. Never the secret.
import type { Translated } from "../text.js";

export const config = {
  "config.envFileExposed.world": {
    en: "warning: --env-file {file} holds FINAN_SECRET_KEY and every user of this machine can read it (mode {mode}): run chmod 600 {file}",
    vi: "cảnh báo: tệp --env-file {file} chứa FINAN_SECRET_KEY và mọi người dùng máy này đều đọc được (quyền {mode}): hãy chạy chmod 600 {file}",
  },
  "config.envFileExposed.group": {
    en: "warning: --env-file {file} holds FINAN_SECRET_KEY and its group can read it (mode {mode}): run chmod 600 {file}",
    vi: "cảnh báo: tệp --env-file {file} chứa FINAN_SECRET_KEY và những người cùng nhóm đọc được (quyền {mode}): hãy chạy chmod 600 {file}",
  },
  "config.where.env": { en: "the environment", vi: "biến môi trường" },
  "config.where.envOrFile": { en: "the environment or {file}", vi: "biến môi trường hoặc tệp {file}" },
  "config.noClientId": { en: "No client id: FINAN_CLIENT_ID is not set in {where}.", vi: "Thiếu client ID: chưa đặt FINAN_CLIENT_ID trong {where}." },
  "config.noClientIdHint": {
    en: "Create an Open API client in Finan (Settings → Open API), then export FINAN_CLIENT_ID=… or pass --client-id, or put it in a file given with --env-file.",
    vi: "Hãy tạo một client Open API trong Finan (Cài đặt → Open API), rồi đặt FINAN_CLIENT_ID=… (export) hoặc dùng --client-id, hoặc ghi vào một tệp và chỉ ra bằng --env-file.",
  },
  "config.noSecret": { en: "No secret key: FINAN_SECRET_KEY is not set in {where}.", vi: "Thiếu khóa bí mật: chưa đặt FINAN_SECRET_KEY trong {where}." },
  "config.noSecretHint": {
    en: "Export FINAN_SECRET_KEY=… (or put it in a file given with --env-file, mode 0600). No flag takes the secret, so it never lands in shell history.",
    vi: "Hãy đặt FINAN_SECRET_KEY=… (export), hoặc ghi vào một tệp chỉ ra bằng --env-file, quyền 0600. Không có tùy chọn nào nhận khóa bí mật, để khóa bí mật không bao giờ nằm trong lịch sử lệnh.",
  },
  "config.invalid": { en: "{field}: {reason}", vi: "{field}: {reason}" },
  "config.badUrl": { en: "must be an http(s) URL such as https://api.finan.one/open", vi: "phải là địa chỉ http(s), ví dụ https://api.finan.one/open" },
  "config.invalidValue": { en: "invalid", vi: "không hợp lệ" },
  "config.insecure": {
    en: "Refusing plain http:// to {host}: customer data and signed requests would cross the network unencrypted.",
    vi: "Không gửi qua http:// thường tới {host}: dữ liệu khách hàng và các yêu cầu đã ký sẽ đi qua mạng mà không được mã hóa.",
  },
  "config.insecureHint": {
    en: "Use https://, or pass --insecure-http if you really mean it (for a test server you control).",
    vi: "Hãy dùng https://, hoặc thêm --insecure-http nếu bạn thật sự muốn vậy (chỉ khi thử với máy chủ do bạn quản lý).",
  },
  "config.unreadable": { en: "unreadable", vi: "không đọc được" },
  "config.envFileUnreadable": { en: "Cannot read --env-file {file}: {code}.", vi: "Không đọc được tệp --env-file {file}: {code}." },
} as const satisfies Record<string, Translated>;
