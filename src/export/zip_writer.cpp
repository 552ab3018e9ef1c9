#include "export/zip_writer.h"

#include <zip.h>

namespace chibo {
namespace {

Error zipError(const std::string& what, zip_error_t* err) {
  return Error::internal("Lỗi nén tệp (" + what + "): " + zip_error_strerror(err));
}

}  // namespace

Result<std::string> zipParts(const ZipParts& parts) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* mem = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!mem) return zipError("buffer", &err);
  zip_t* za = zip_open_from_source(mem, ZIP_TRUNCATE, &err);
  if (!za) {
    zip_source_free(mem);
    return zipError("open", &err);
  }
  // Keep the memory source alive after zip_close so the bytes can be read back.
  zip_source_keep(mem);
  for (const auto& [name, data] : parts) {
    // libzip reads `data` at zip_close; `parts` outlives that call.
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    if (!s || zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (s) zip_source_free(s);
      Error e = Error::internal("Lỗi nén tệp: " + std::string(zip_strerror(za)));
      zip_discard(za);
      zip_source_free(mem);
      return e;
    }
  }
  if (zip_close(za) < 0) {
    Error e = Error::internal("Lỗi nén tệp: " + std::string(zip_strerror(za)));
    zip_discard(za);
    zip_source_free(mem);
    return e;
  }
  std::string out;
  if (zip_source_open(mem) < 0) {
    zip_source_free(mem);
    return Error::internal("Lỗi đọc tệp nén.");
  }
  char buf[16384];
  zip_int64_t n;
  while ((n = zip_source_read(mem, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
  zip_source_close(mem);
  zip_source_free(mem);
  if (n < 0) return Error::internal("Lỗi đọc tệp nén.");
  return out;
}

Result<std::string> unzipEntry(const std::string& zip, const std::string& name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &err);
  if (!src) return Error::badRequest("bad_zip", "Tệp nén không hợp lệ.");
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!za) {
    zip_source_free(src);
    return Error::badRequest("bad_zip", "Tệp nén không hợp lệ.");
  }
  zip_file_t* f = zip_fopen(za, name.c_str(), 0);
  if (!f) {
    zip_close(za);
    return Error::notFound();
  }
  std::string out;
  char buf[16384];
  zip_int64_t n;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
  zip_fclose(f);
  zip_close(za);  // also frees src
  if (n < 0) return Error::badRequest("bad_zip", "Tệp nén bị hỏng.");
  return out;
}

}  // namespace chibo
