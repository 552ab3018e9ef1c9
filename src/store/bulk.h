#pragma once
// A fast path for writing a large synthetic data set into a NEW database file
// (chibo demo --scale province|national). It is not a Store: no use cases,
// no audit per row, no read-back. The caller chooses every id, so rows can be
// streamed in id order (append-only B-trees) and refer to each other without
// asking the database.
//
// How it is fast, and why that is safe only here:
//  - the file is built under "<path>.part" and renamed into place by finish(),
//    so a crash mid-build never leaves a half-written file under the real name;
//  - while building: journal_mode=OFF, synchronous=OFF, locking_mode=EXCLUSIVE,
//    foreign_keys=OFF, one transaction for everything, prepared statements,
//    and the secondary indexes dropped (they are rebuilt by sorting at the end);
//  - finish() commits; when meeting_stats rows were written, sums them into
//    cell_month_stats (the same GROUP BY as SqliteTx::refreshCellMonth) and
//    marks the aggregates built (aggregate_state), so the first roll-up does
//    not rebuild them from the raw rows; recreates the indexes exactly as the
//    migrations define them (a UNIQUE index that no longer builds is an error), optionally runs
//    PRAGMA foreign_key_check, then restores journal_mode=WAL (persistent in
//    the file) and closes. The server opens it with synchronous=FULL as always.
// A loader destroyed without finish() deletes the .part file.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/member.h"
#include "domain/org.h"
#include "store/meeting_records.h"
#include "store/rollup_records.h"

namespace chibo {

struct BulkOptions {
  std::string path;                // the final file; must not exist yet
  bool check_foreign_keys = true;  // PRAGMA foreign_key_check at the end (minutes on the national set)
  int cache_mib = 256;             // page cache while building (index rebuilds sort in it)
};

struct BulkStats {
  int64_t rows = 0;                // rows written by the caller (indexes not counted)
  double load_seconds = 0;         // inserts and COMMIT
  double index_seconds = 0;        // rebuilding the secondary indexes
  double check_seconds = 0;        // foreign_key_check (0 when skipped)
  double aggregate_seconds = 0;    // cell_month_stats from meeting_stats
  int64_t file_bytes = 0;          // size of the finished file
};

class BulkLoader {
 public:
  virtual ~BulkLoader() = default;

  // Every row carries the id the caller chose (> 0), except where noted.
  virtual void org(const Org& o) = 0;                 // id, parent_id and path set by the caller
  virtual void term(const CommitteeTerm& t) = 0;
  virtual void member(const Member& m) = 0;
  virtual void cellPeriod(const CellPeriod& p) = 0;
  virtual void statusPeriod(const StatusPeriod& p) = 0;
  virtual void role(const RolePeriod& r) = 0;
  virtual void monitor(const MonitorAssignment& a) = 0;
  virtual void user(const User& u) = 0;
  virtual void grant(const UserGrant& g) = 0;
  virtual void audit(const AuditEntry& e) = 0;        // id 0: assigned by the database
  virtual void meeting(const MeetingRecord& m) = 0;   // guests are not written (always "[]")
  virtual void agendaItem(Id meeting_id, const AgendaItem& a) = 0;  // id 0: assigned by the database
  // The hot path (hundreds of millions of rows on the national set): no struct.
  virtual void attendance(Id meeting_id, Id member_id, AttendanceStatus status, std::optional<AbsenceReason> reason,
                          std::string_view reason_text, DateTime marked_at) = 0;

  // Issue 5's per-meeting figures, as computeMeetingStats would give them for
  // the rows written (the caller computes them; scale_test checks they match a
  // rebuild from the raw rows).
  virtual void meetingStats(const MeetingStats& s) = 0;

  virtual int64_t rows() const = 0;
  // Commits and makes the file a normal chibo database (see above). Throws
  // StoreError on failure (the .part file is then removed).
  virtual BulkStats finish() = 0;
};

// Creates "<path>.part" with the current schema (all migrations) and starts
// the build. Throws StoreError if `path` already exists.
std::unique_ptr<BulkLoader> openBulkLoad(const BulkOptions& opts);

}  // namespace chibo
