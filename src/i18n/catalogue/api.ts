// What the API client says about a failed request: the server's own text quoted as a value, never translated.
import type { Translated } from "../text.js";

export const api = {
  // one failed request: [METHOD] path: the answer (HTTP status, API code) and why
  "api.failed.answerDetail": { en: "[{method}] {path}: {answer} {detail}", vi: "Yêu cầu {method} {path} không thành công: {answer}; {detail}" },
  "api.failed.answer": { en: "[{method}] {path}: {answer}", vi: "Yêu cầu {method} {path} không thành công: {answer}" },
  "api.failed.detail": { en: "[{method}] {path}: {detail}", vi: "Yêu cầu {method} {path} không thành công: {detail}" },
  "api.answer.status": { en: "{status}", vi: "máy chủ trả lời HTTP {status}" },
  "api.answer.statusCode": { en: "{status} {code}", vi: "máy chủ trả lời HTTP {status}, mã {code}" },
  "api.answer.code": { en: "{code}", vi: "máy chủ trả lời mã {code}" },
  "api.serverSaid": { en: "{text}", vi: "máy chủ báo “{text}”" },
  "api.gaveUp.attempts": { en: { one: "{error} (gave up after {count} attempt)", other: "{error} (gave up after {count} attempts)" }, vi: "{error} (đã thử {count} lần, không thử nữa)" },
  "api.gaveUp.maxWait": { en: "{error} (the server asked to wait {asked} s, more than --max-wait {max} s)", vi: "{error} (máy chủ yêu cầu chờ {asked} giây, lâu hơn --max-wait {max} giây)" },
  "api.gaveUp.interrupted": { en: "{error} (interrupted before retrying)", vi: "{error} (đã dừng trước khi thử lại)" },
  // what went wrong on the way, in our words
  "api.auth.failed": { en: "authentication failed", vi: "xác thực không thành công" },
  "api.auth.clockBehind": {
    en: "{detail}; your clock is {seconds} s behind the server's: sync it (timedatectl set-ntp true, or your OS's time settings)",
    vi: "{detail}; đồng hồ máy bạn chậm {seconds} giây so với máy chủ: hãy đồng bộ giờ (timedatectl set-ntp true, hoặc phần cài đặt ngày giờ của máy)",
  },
  "api.auth.clockAhead": {
    en: "{detail}; your clock is {seconds} s ahead of the server's: sync it (timedatectl set-ntp true, or your OS's time settings)",
    vi: "{detail}; đồng hồ máy bạn nhanh {seconds} giây so với máy chủ: hãy đồng bộ giờ (timedatectl set-ntp true, hoặc phần cài đặt ngày giờ của máy)",
  },
  "api.timeout.whole": { en: "no answer in time: the whole answer did not arrive within {seconds} s (--timeout)", vi: "máy chủ không trả lời kịp: sau {seconds} giây (--timeout) vẫn chưa nhận đủ câu trả lời" },
  "api.timeout.headers": { en: "no answer in time (headers timeout)", vi: "máy chủ không trả lời kịp (hết thời gian chờ phần đầu câu trả lời)" },
  "api.timeout.body": { en: "the answer stalled (body timeout)", vi: "câu trả lời bị ngừng giữa chừng (hết thời gian chờ nội dung)" },
  "api.connection.code": { en: "{code}: {text}", vi: "lỗi kết nối {code}: “{text}”" },
  "api.connection.other": { en: "{text}", vi: "lỗi kết nối: “{text}”" },
  "api.body.listPage": { en: "one page of the customer list", vi: "một trang danh sách khách hàng" },
  "api.body.record": { en: "one customer", vi: "một khách hàng" },
  "api.body.tooLargeAnnounced": { en: "the answer is {size}, more than finan-bulk accepts for {what} ({limit})", vi: "câu trả lời có dung lượng {size}, vượt mức tối đa finan-bulk nhận cho {what} ({limit})" },
  "api.body.tooLargePassed": { en: "the answer passed {limit}, the most finan-bulk accepts for {what}", vi: "câu trả lời đã vượt {limit}, mức tối đa finan-bulk nhận cho {what}" },
  "api.body.tooLarge": { en: "{reason}: far more than a Finan answer holds; check --base-url, or show this message to Finan", vi: "{reason}: lớn hơn nhiều so với một câu trả lời của Finan; hãy kiểm tra --base-url, hoặc gửi thông báo này cho Finan" },
  "api.redirect.to": {
    en: "the server redirects to {location}, which finan-bulk does not follow: check --base-url (now {baseUrl}; Finan's is https://api.finan.one/open)",
    vi: "máy chủ chuyển hướng sang {location}, finan-bulk không đi theo: hãy kiểm tra --base-url (đang là {baseUrl}; của Finan là https://api.finan.one/open)",
  },
  "api.redirect.nowhere": {
    en: "the server answers with a redirect and no Location, which finan-bulk does not follow: check --base-url (now {baseUrl}; Finan's is https://api.finan.one/open)",
    vi: "máy chủ trả lời chuyển hướng mà không ghi địa chỉ mới, finan-bulk không đi theo: hãy kiểm tra --base-url (đang là {baseUrl}; của Finan là https://api.finan.one/open)",
  },
  "api.noApi": {
    en: "no Finan API at {baseUrl}: the base URL must end in /open, as https://api.finan.one/open does; check --base-url or FINAN_BASE_URL",
    vi: "không có API Finan nào ở {baseUrl}: địa chỉ gốc phải kết thúc bằng /open, như https://api.finan.one/open; hãy kiểm tra --base-url hoặc FINAN_BASE_URL",
  },
  "api.noApiPage": {
    en: "no Finan API at {baseUrl} ({page}): the base URL must end in /open, as https://api.finan.one/open does; check --base-url or FINAN_BASE_URL",
    vi: "không có API Finan nào ở {baseUrl} ({page}): địa chỉ gốc phải kết thúc bằng /open, như https://api.finan.one/open; hãy kiểm tra --base-url hoặc FINAN_BASE_URL",
  },
  "api.answer.notJson": { en: "HTTP {status} with a body that is not JSON: {preview}", vi: "câu trả lời HTTP {status} không phải JSON: “{preview}”" },
  "api.answer.notEnvelope": { en: "the server's answer is not a Finan API envelope", vi: "câu trả lời của máy chủ không đúng dạng API của Finan" },
  "api.answer.noCustomerId": { en: "the answer holds no customer_id", vi: "câu trả lời không có customer_id" },
  "api.list.noArray": { en: "the list answer holds no customer array", vi: "câu trả lời của danh sách không có mảng khách hàng" },
  "api.list.noId": {
    en: "entry {entry} of the list page has no usable customer_id, so it cannot be fetched: {preview}",
    vi: "mục thứ {entry} của trang danh sách không có customer_id dùng được, nên không tải được thông tin khách hàng đó: {preview}",
  },
  // a run that could not go on
  "api.run.interrupted": { en: "Interrupted while {doing}. {consequence}", vi: "Đã dừng khi đang {doing}. {consequence}" },
  "api.run.authRejected": {
    en: "The server rejected the credentials while {doing} (HTTP {status}: {why}). {consequence}",
    vi: "Máy chủ từ chối thông tin xác thực khi đang {doing} (HTTP {status}: {why}). {consequence}",
  },
  "api.run.authStopped": {
    en: "The server rejected the credentials (HTTP {status}, {why}) at row {row}. Check FINAN_CLIENT_ID and FINAN_SECRET_KEY (and this machine's clock).",
    vi: "Máy chủ từ chối thông tin xác thực (HTTP {status}, {why}) ở dòng {row}. Hãy kiểm tra FINAN_CLIENT_ID và FINAN_SECRET_KEY (và đồng hồ của máy này).",
  },
  "api.run.authRow": { en: "authentication rejected: {why}; check FINAN_CLIENT_ID and FINAN_SECRET_KEY", vi: "thông tin xác thực bị từ chối: {why}; hãy kiểm tra FINAN_CLIENT_ID và FINAN_SECRET_KEY" },
  "api.hint.clock": {
    en: "Check this machine's clock: requests are signed with the current time and accepted only within 30 s of the server's.",
    vi: "Hãy kiểm tra đồng hồ của máy này: mỗi yêu cầu được ký bằng giờ hiện tại và chỉ được chấp nhận nếu lệch giờ máy chủ không quá 30 giây.",
  },
  "api.hint.clientId": {
    en: "Check FINAN_CLIENT_ID, now \"{clientId}\" (Finan web app → Settings → Open API), and check that --base-url points at the right server.",
    vi: "Hãy kiểm tra FINAN_CLIENT_ID, đang là \"{clientId}\" (ứng dụng web Finan → Cài đặt → Open API), và --base-url có trỏ đúng máy chủ không.",
  },
  "api.hint.secret": {
    en: "FINAN_SECRET_KEY does not match client \"{clientId}\": copy the secret again from the Finan web app (Settings → Open API), and check that --base-url points at the right server.",
    vi: "Hãy kiểm tra FINAN_SECRET_KEY: khóa bí mật không khớp với client ID \"{clientId}\" (ứng dụng web Finan → Cài đặt → Open API), và --base-url có trỏ đúng máy chủ không.",
  },
  "api.hint.credentials": {
    en: "Check FINAN_CLIENT_ID, now \"{clientId}\", and FINAN_SECRET_KEY (Finan web app → Settings → Open API), and check that --base-url points at the right server.",
    vi: "Hãy kiểm tra FINAN_CLIENT_ID, đang là \"{clientId}\", và FINAN_SECRET_KEY (ứng dụng web Finan → Cài đặt → Open API), và --base-url có trỏ đúng máy chủ không.",
  },
  // a value of an unexpected type, written as faithful text
  "api.odd.null": { en: "null", vi: "null (rỗng)" },
  "api.odd.number": { en: "the number {value}", vi: "số {value}" },
  "api.odd.boolean": { en: "the boolean {value}", vi: "giá trị đúng/sai {value}" },
  "api.odd.list": { en: "a list", vi: "một danh sách" },
  "api.odd.object": { en: "an object", vi: "một đối tượng" },
  "api.odd.other": { en: "a {type}", vi: "kiểu {type}" },
  "api.odd.text": { en: "text", vi: "văn bản" },
  "api.odd.leftBlank": { en: "{field} was {odd} instead of text: left blank", vi: "{field} là {odd} thay vì văn bản: để trống" },
  "api.odd.writtenAsText": { en: "{field} was {odd} instead of text: written as text", vi: "{field} là {odd} thay vì văn bản: đã ghi thành văn bản" },
  // what bounded a run's requests, and the flag to try
  "api.pace.speed": { en: "{rps}/s", vi: "{rps} yêu cầu/giây" },
  "api.pace.speedTrip": { en: "{rps}/s with round trips of {trip} ms", vi: "{rps} yêu cầu/giây, mỗi lượt đi về {trip} ms" },
  "api.pace.rate": { en: "Requests were paced by --rate {rate} ({rps}/s): raise --rate if the API allows more.", vi: "Tốc độ gửi bị giới hạn bởi --rate {rate} ({rps} yêu cầu/giây): hãy tăng --rate nếu API cho phép." },
  "api.pace.throttled": {
    en: "The server's 429s held requests to about {current}/s, below --rate {rate}: --rate {suggested} would avoid them.",
    vi: "Máy chủ trả lời 429 nên chỉ gửi được khoảng {current} yêu cầu/giây, thấp hơn --rate {rate}: dùng --rate {suggested} sẽ tránh được.",
  },
  "api.pace.inFlight": { en: "Requests were held by --concurrency {concurrency} ({speed}): raise --concurrency.", vi: "Tốc độ gửi bị giới hạn bởi --concurrency {concurrency} ({speed}): hãy tăng --concurrency." },
  "api.pace.inFlightNeeded": {
    en: "Requests were held by --concurrency {concurrency} ({speed}): leave out --concurrency, or give {needed}, to reach --rate {rate}.",
    vi: "Tốc độ gửi bị giới hạn bởi --concurrency {concurrency} ({speed}): hãy bỏ --concurrency, hoặc đặt {needed}, để đạt --rate {rate}.",
  },
  "api.pace.roundTrip": {
    en: "Requests were held by the round trip ({speed} and up to {limit} in flight): --concurrency N allows more in flight.",
    vi: "Tốc độ gửi bị giới hạn bởi thời gian đi về ({speed}, tối đa {limit} yêu cầu cùng lúc): --concurrency N cho phép gửi nhiều yêu cầu cùng lúc hơn.",
  },
  "api.pace.roundTripNeeded": {
    en: "Requests were held by the round trip ({speed} and up to {limit} in flight): --concurrency {needed} allows enough in flight to reach --rate {rate}.",
    vi: "Tốc độ gửi bị giới hạn bởi thời gian đi về ({speed}, tối đa {limit} yêu cầu cùng lúc): --concurrency {needed} đủ để đạt --rate {rate}.",
  },
  "api.pace.local": {
    en: "Requests were held by local work (reading the file, writing the report), not by the network or --rate ({rps}/s).",
    vi: "Tốc độ gửi bị giới hạn bởi việc xử lý trên máy (đọc tệp, ghi tệp kết quả), không phải do mạng hay --rate ({rps} yêu cầu/giây).",
  },
  "api.list.endless": {
    en: "The customer list does not end: {pages} pages read, {listed} distinct customers listed, and it keeps sending new ones.",
    vi: "Danh sách khách hàng không có điểm dừng: đã đọc {pages} trang, {listed} khách hàng khác nhau, mà máy chủ vẫn gửi thêm khách hàng mới.",
  },
  "api.list.endlessTotal": {
    en: "The customer list does not end: {pages} pages read, {listed} distinct customers listed, though the server says it holds {total}, and it keeps sending new ones.",
    vi: "Danh sách khách hàng không có điểm dừng: đã đọc {pages} trang, {listed} khách hàng khác nhau, dù máy chủ báo chỉ có {total}, mà vẫn gửi thêm khách hàng mới.",
  },
  "api.list.endlessHint": {
    en: "The server is misbehaving; nothing was sent or written on its word. Try again later, and if it persists send this message to Finan support.",
    vi: "Máy chủ đang trả lời bất thường; chưa gửi hay ghi gì dựa trên câu trả lời đó. Hãy thử lại sau; nếu vẫn còn lỗi, hãy gửi thông báo này cho bộ phận hỗ trợ của Finan.",
  },
} as const satisfies Record<string, Translated>;
