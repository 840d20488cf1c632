// What `finan-bulk sandbox` says when it starts and stops (the API answers it emulates stay as the real API words them).
import type { Translated } from "../text.js";

export const sandbox = {
  "sandbox.listening": { en: "Finan sandbox listening on {url}", vi: "Máy chủ thử nghiệm Finan đang chạy tại {url}" },
  "sandbox.ownCredentials": { en: "Accepting the FINAN_CLIENT_ID / FINAN_SECRET_KEY pair from your environment.", vi: "Dùng cặp FINAN_CLIENT_ID / FINAN_SECRET_KEY trong biến môi trường của bạn." },
  "sandbox.demoCredentials": { en: "These are the sandbox's fixed demo credentials; they work nowhere else.", vi: "Đây là thông tin xác thực cố định của máy chủ thử nghiệm, chỉ dùng được ở đây." },
  "sandbox.dataFile": { en: "Customers are kept in {file}.", vi: "Khách hàng được lưu trong tệp {file}." },
  "sandbox.inMemory": { en: "Customers live in memory until you stop it (Ctrl-C).", vi: "Khách hàng chỉ được giữ trong bộ nhớ cho đến khi bạn dừng máy chủ (Ctrl-C)." },
  "sandbox.stopped": { en: "Sandbox stopped.", vi: "Đã dừng máy chủ thử nghiệm." },
} as const satisfies Record<string, Translated>;
