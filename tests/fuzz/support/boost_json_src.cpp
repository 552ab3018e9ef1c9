// Boost.JSON compiled into the fuzz build rather than linked from Debian's
// shared library, so the parser itself carries coverage hooks and ASan checks.
#include <boost/json/src.hpp>
