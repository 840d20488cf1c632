// What `finan-bulk sandbox` says when it starts and stops (the API answers it emulates stay as the real API words them).
import type { Translated } from "../text.js";

export const sandbox = {
  "sandbox.listening": { en: "Finan sandbox listening on {url}", vi: "Máy chủ thử nghiệm Finan đang chạy tại {url}" },
  "sandbox.ownCredentials": { en: "Accepting the FINAN_CLIENT_ID / FINAN_SECRET_KEY pair from your environment.", vi: "Chấp nhận cặp FINAN_CLIENT_ID / FINAN_SECRET_KEY lấy từ biến môi trường của bạn." },
  "sandbox.demoCredentials": { en: "These are the sandbox's fixed demo credentials; they work nowhere else.", vi: "Đây là thông tin xác thực cố định của máy chủ thử nghiệm, chỉ dùng được ở đây." },
  "sandbox.dataFile": { en: "Customers are kept in {file}.", vi: "Khách hàng được lưu trong tệp {file}." },
  "sandbox.inMemory": { en: "Customers live in memory until you stop it (Ctrl-C).", vi: "Khách hàng chỉ được giữ trong bộ nhớ cho đến khi bạn dừng máy chủ (Ctrl-C)." },
  "sandbox.stopped": { en: "Sandbox stopped.", vi: "Đã dừng máy chủ thử nghiệm." },
  "sandbox.knob.failRate": { en: "Sandbox: fail rate must be between 0 and 1, not {value}.", vi: "Máy chủ thử nghiệm: tỷ lệ lỗi (--fail-rate) phải từ 0 đến 1, không nhận {value}." },
  "sandbox.knob.latency": { en: "Sandbox: latency must be 0 ms or more, not {value}.", vi: "Máy chủ thử nghiệm: độ trễ (--latency) phải từ 0 ms trở lên, không nhận {value}." },
  "sandbox.knob.rateLimit": { en: "Sandbox: rate limit must be 0 (none) or more requests per second, not {value}.", vi: "Máy chủ thử nghiệm: giới hạn số yêu cầu mỗi giây (--rate-limit) phải từ 0 (không giới hạn) trở lên, không nhận {value}." },
  "sandbox.knob.paging": { en: "Sandbox: paging must be one of {modes}, not {value}.", vi: "Máy chủ thử nghiệm: cách chia trang (--paging) chỉ nhận {modes}, không nhận {value}." },
  "sandbox.knob.pageSizeMax": { en: "Sandbox: page size max must be a whole number of 1 or more, not {value}.", vi: "Máy chủ thử nghiệm: --page-size-max phải là số nguyên từ 1 trở lên, không nhận {value}." },
  "sandbox.knob.scripted": { en: "Sandbox: a scripted fault needs a method ({methods}), kind gateway-after-apply and status 502, 503 or 504, not {value}.", vi: "Máy chủ thử nghiệm: lỗi dựng sẵn cần method ({methods}), kind gateway-after-apply và status 502, 503 hoặc 504, không nhận {value}." },
  "sandbox.data.unreadable": { en: "Cannot read the sandbox data file {file}.", vi: "Không đọc được tệp dữ liệu {file} của máy chủ thử nghiệm." },
  "sandbox.data.notStore": { en: "The sandbox data file {file} is not a saved sandbox store.", vi: "Tệp {file} không phải tệp dữ liệu do máy chủ thử nghiệm lưu." },
  "sandbox.data.conflicting": { en: "The sandbox data file {file} holds conflicting records.", vi: "Tệp dữ liệu {file} của máy chủ thử nghiệm có các khách hàng mâu thuẫn nhau." },
  "sandbox.data.hint": { en: "Point --data at a new file, or delete this one to start empty.", vi: "Hãy cho --data trỏ tới một tệp mới, hoặc xóa tệp này để bắt đầu với dữ liệu trống." },
} as const satisfies Record<string, Translated>;
