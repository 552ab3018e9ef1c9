#pragma once
// What every use case receives: the store, who is calling, and the time.
// Use cases take `now` from here, never from the clock, so tests can pin it.
#include "domain/date.h"
#include "domain/scope.h"
#include "store/store.h"

namespace chibo {

struct Caller {
  Principal principal;
  DateTime now;
  Date today() const { return now.date(); }
};

struct Page {
  int limit = 50;
  int offset = 0;
};

}  // namespace chibo
