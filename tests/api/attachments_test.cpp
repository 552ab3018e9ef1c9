// Meeting attachments: raw uploads checked by their first bytes, byte-exact
// downloads, the size limit, scope (members read, the cell committee writes,
// other cells see nothing), the lock, and the audit trail.
#include "api/meeting_fixture.h"

namespace chibo::testing {

namespace {

// A tiny but well-formed PDF, with binary bytes (and a NUL) in a stream.
std::string pdfBytes() {
  std::string s = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length 4 >>\nstream\n";
  s += std::string("\x00\x01\xFF\x7F", 4);
  s += "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
  return s;
}

// A 1x1 PNG.
std::string pngBytes() {
  static const unsigned char png[] = {
      0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
      0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
      0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
      0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(png), sizeof png);
}

std::string urlEncode(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += char(ch);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

}  // namespace

class AttachmentTest : public MeetingApiTest {
 protected:
  // POSTs `bytes` as the raw body, as a browser's fetch(file) does.
  Resp upload(Client& c, int64_t meeting, const std::string& name, const std::string& bytes,
              const std::string& kind = "document", const std::string& type = "application/octet-stream") {
    httplib::Client http("127.0.0.1", server_->port());
    http.set_read_timeout(30, 0);
    httplib::Headers h{{"Cookie", c.cookie}, {"X-CSRF-Token", c.csrf}};
    std::string path = meetingPath(meeting, "/attachments?name=" + urlEncode(name) + "&kind=" + kind);
    auto r = http.Post(path.c_str(), h, bytes, type.c_str());
    Resp out;
    if (!r) return out;
    holdToContract("POST", path, "", *r);
    out.status = r->status;
    out.raw = r->body;
    boost::system::error_code ec;
    auto v = json::parse(r->body, ec);
    if (!ec) out.body = v;
    return out;
  }
  httplib::Result download(const Client& c, int64_t id) {
    httplib::Client http("127.0.0.1", server_->port());
    auto path = "/api/v1/attachments/" + std::to_string(id);
    auto r = http.Get(path.c_str(), httplib::Headers{{"Cookie", c.cookie}});
    if (r) holdToContract("GET", path, "", *r);
    return r;
  }
  size_t listed(Client& c, int64_t meeting) {
    return c.get(meetingPath(meeting, "/attachments")).obj().at("items").as_array().size();
  }
  int64_t auditOf(int64_t attachment, const std::string& action) {
    auto r = as("canbo.phuong").get("/api/v1/audit?org=" + std::to_string(ward_) +
                                    "&target_type=attachment&target_id=" + std::to_string(attachment));
    int64_t n = 0;
    for (auto& e : r.obj().at("items").as_array()) n += e.as_object().at("action").as_string() == action;
    return n;
  }
};

TEST_F(AttachmentTest, UploadsPdfAndPngAndDownloadsTheSameBytes) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-09-03");
  auto pdf = pdfBytes(), png = pngBytes();
  auto up = upload(sec, id, "Dự thảo nghị quyết tháng 9.pdf", pdf, "draft_resolution", "application/pdf");
  ASSERT_EQ(up.status, 201) << up.raw;
  auto a = up.obj();
  EXPECT_EQ(a.at("file_name").as_string(), "Dự thảo nghị quyết tháng 9.pdf");
  EXPECT_EQ(a.at("content_type").as_string(), "application/pdf");
  EXPECT_EQ(a.at("size").as_int64(), int64_t(pdf.size()));
  EXPECT_EQ(a.at("kind").as_string(), "draft_resolution");
  EXPECT_EQ(a.at("sha256").as_string().size(), 64u);
  // The browser may declare anything: the first bytes decide.
  auto img = upload(sec, id, "../../ảnh hiện trường.PNG", png, "other", "text/html");
  ASSERT_EQ(img.status, 201) << img.raw;
  EXPECT_EQ(img.obj().at("file_name").as_string(), "ảnh hiện trường.PNG");
  EXPECT_EQ(img.obj().at("content_type").as_string(), "image/png");

  EXPECT_EQ(listed(sec, id), 2u);
  auto d = download(sec, idOf(up));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 200);
  EXPECT_EQ(d->body, pdf);
  EXPECT_EQ(d->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(d->get_header_value("X-Content-Type-Options"), "nosniff");
  auto cd = d->get_header_value("Content-Disposition");
  EXPECT_EQ(cd.rfind("attachment; filename=\"du-thao-nghi-quyet-thang-9.pdf\"", 0), 0u) << cd;
  // The server percent-encodes filename* (RFC 5987); cpp-httplib decodes header values as it reads them.
  EXPECT_TRUE(cd.find("filename*=UTF-8''D%E1%BB%B1%20th%E1%BA%A3o") != std::string::npos ||
              cd.find("filename*=UTF-8''Dự thảo nghị quyết tháng 9.pdf") != std::string::npos)
      << cd;
  auto p = download(sec, idOf(img));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->body, png);
  EXPECT_EQ(p->get_header_value("Content-Type"), "image/png");

  // The draft resolution ticked its checklist item.
  auto m = sec.get(meetingPath(id)).obj();
  EXPECT_FALSE(m.at("preparation").as_object().at("draft_resolution_at").is_null());
}

TEST_F(AttachmentTest, RejectsOtherTypesEmptyAndOversizedFilesAndWritesNothing) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-09-10");
  auto before = auditCount();
  std::string elf = std::string("\x7f" "ELF\x02\x01\x01\x00", 8) + std::string(200, '\x01');
  std::string text = "Đây là một tệp văn bản, không phải PDF.\n";
  struct Case {
    std::string name, bytes;
    int status;
    const char* code;
  } cases[] = {
      {"chuongtrinh.exe", elf, 422, "unsupported_type"},
      {"chuongtrinh.pdf", elf, 422, "unsupported_type"},
      {"ghichu.pdf", text, 422, "unsupported_type"},
      {"ghichu.txt", text, 422, "unsupported_type"},
      {"tailieu.png", pdfBytes(), 422, "unsupported_type"},         // PDF bytes, PNG name
      {"bang.xlsx", std::string("PK\x03\x04", 4) + "zzz", 422, "unsupported_type"},  // a ZIP, not OOXML
      {"tailieu.pdf", "", 422, "empty_file"},
      {"", pdfBytes(), 422, "validation_failed"},
      {"lon.pdf", "%PDF-1.4\n" + std::string((11 << 20) - 9, 'x'), 413, "file_too_large"},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    auto r = upload(sec, id, k.name, k.bytes);
    EXPECT_EQ(r.status, k.status) << r.raw;
    EXPECT_EQ(r.code(), k.code);
  }
  EXPECT_EQ(upload(sec, id, "a.pdf", pdfBytes(), "secret").status, 422);
  EXPECT_EQ(listed(sec, id), 0u);
  EXPECT_EQ(auditCount(), before);
  // Exactly at the limit is fine.
  auto max = upload(sec, id, "vua.pdf", "%PDF-1.4\n" + std::string((10 << 20) - 9, 'x'));
  EXPECT_EQ(max.status, 201) << max.raw.substr(0, 300);
}

TEST_F(AttachmentTest, MembersOfTheCellReadOthersSeeNothing) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-09-17");
  auto up = upload(sec, id, "Tài liệu học tập.pdf", pdfBytes());
  ASSERT_EQ(up.status, 201) << up.raw;
  auto aid = idOf(up);

  auto member = as("dangvien.kp1");
  EXPECT_EQ(listed(member, id), 1u);
  auto d = download(member, aid);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->status, 200);
  EXPECT_EQ(d->body, pdfBytes());
  EXPECT_EQ(upload(member, id, "cua-toi.pdf", pdfBytes()).status, 403);
  EXPECT_EQ(member.send("DELETE", "/api/v1/attachments/" + std::to_string(aid), "").status, 403);
  EXPECT_EQ(download(as("giamsat.phuong"), aid)->status, 200);  // the monitor reads

  for (const char* outsider : {"dangvien.kp2", "bithu.ubnd"}) {
    SCOPED_TRACE(outsider);
    auto o = as(outsider);
    EXPECT_EQ(o.get(meetingPath(id, "/attachments")).status, 404);
    EXPECT_EQ(download(o, aid)->status, 404);
    EXPECT_EQ(upload(o, id, "x.pdf", pdfBytes()).status, 404);
    EXPECT_EQ(o.send("DELETE", "/api/v1/attachments/" + std::to_string(aid), "").status, 404);
  }
  EXPECT_EQ(download(member, 999999)->status, 404);
}

TEST_F(AttachmentTest, DeleteIsSoftAndAuditedAndALockedMeetingRefusesWrites) {
  auto sec = as("bithu.kp1");
  auto id = plan(sec, kp1_, "2027-09-24");
  auto keep = upload(sec, id, "Báo cáo.pdf", pdfBytes());
  auto gone = upload(sec, id, "Ảnh.png", pngBytes());
  ASSERT_EQ(keep.status, 201);
  ASSERT_EQ(gone.status, 201);
  EXPECT_EQ(auditOf(idOf(keep), "attachment.upload"), 1);

  auto del = sec.send("DELETE", "/api/v1/attachments/" + std::to_string(idOf(gone)), "");
  EXPECT_EQ(del.status, 204) << del.raw;
  EXPECT_EQ(auditOf(idOf(gone), "attachment.delete"), 1);
  EXPECT_EQ(listed(sec, id), 1u);
  EXPECT_EQ(download(sec, idOf(gone))->status, 404);
  EXPECT_EQ(sec.send("DELETE", "/api/v1/attachments/" + std::to_string(idOf(gone)), "").status, 404);

  completeRecord(sec, id, "2027-09-24");
  ASSERT_EQ(sec.post(meetingPath(id, "/finalize"), json::object{}).status, 200);
  auto before = auditCount();
  auto up = upload(sec, id, "Muộn.pdf", pdfBytes());
  EXPECT_EQ(up.status, 409);
  EXPECT_EQ(up.code(), "meeting_locked");
  auto rm = sec.send("DELETE", "/api/v1/attachments/" + std::to_string(idOf(keep)), "");
  EXPECT_EQ(rm.status, 409);
  EXPECT_EQ(rm.code(), "meeting_locked");
  EXPECT_EQ(auditCount(), before + 2);  // each refused attempt is on record (meeting.locked_edit_rejected)
  EXPECT_EQ(listed(sec, id), 1u);       // and nothing was added or removed
  EXPECT_EQ(download(as("dangvien.kp1"), idOf(keep))->status, 200);  // still readable
}

}  // namespace chibo::testing
