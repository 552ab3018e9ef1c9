// Meeting attachments: the upload takes the raw file as the request body (not
// JSON; the route is `raw_body` with its own size limit), the download sends
// the stored bytes back as an attachment.
#include <cstdio>

#include "app/attachments/attachments.h"
#include "app/documents/documents.h"
#include "http/api.h"
#include "http/content_disposition.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

json::object attachmentJson(const AttachmentRecord& a) {
  return json::object{{"id", a.id},
                      {"meeting_id", a.meeting_id},
                      {"file_name", a.file_name},
                      {"content_type", a.content_type},
                      {"size", a.size},
                      {"sha256", a.sha256},
                      {"kind", a.kind},
                      {"uploaded_by", a.uploaded_by_username},
                      {"uploaded_at", a.uploaded_at.iso()},
                      {"url", "/api/v1/attachments/" + std::to_string(a.id)}};
}

Reply upload(Api& api, Call& c) {
  UploadInput in;
  in.name = c.query("name");
  in.kind = c.query("kind");
  in.bytes = c.req->body();
  auto r = uploadAttachment(api.store(), c.caller, c.pathId("id"), in);
  return r ? jsonReply(201, attachmentJson(*r)) : errorReply(r.error());
}

Reply list(Api& api, Call& c) {
  auto r = listAttachments(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& a : *r) items.push_back(attachmentJson(a));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

Reply download(Api& api, Call& c) {
  auto r = downloadAttachment(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  Reply out{200, std::move(r->bytes), r->meta.content_type, {}};
  out.headers.emplace_back("Content-Disposition", attachmentDisposition(r->meta.file_name));
  // Never rendered in the app's origin, whatever a browser makes of it.
  out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; sandbox");
  return out;
}

Reply remove(Api& api, Call& c) {
  auto r = deleteAttachment(api.store(), c.caller, c.pathId("id"));
  return r ? Reply{204, "", "application/json; charset=utf-8", {}} : errorReply(r.error());
}

}  // namespace

void addAttachmentRoutes(std::vector<Route>& out) {
  Route up{"POST", "/api/v1/meetings/{id}/attachments", true, true, upload};
  up.raw_body = true;
  up.max_body = kMaxAttachmentBytes;
  out.push_back(std::move(up));
  out.push_back({"GET", "/api/v1/meetings/{id}/attachments", true, false, list});
  out.push_back({"GET", "/api/v1/attachments/{id}", true, true, download});
  out.push_back({"DELETE", "/api/v1/attachments/{id}", true, false, remove});
}

}  // namespace chibo::http
