# ASan + UBSan. `make asan` configures build-asan with -DCHIBO_SANITIZE=ON and
# runs the unit and API suites there. `make test` builds and runs a subset (the
# test executables CHIBO_ASAN_TARGETS, chosen by measured cost: docs/security.md).
option(CHIBO_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CHIBO_SANITIZE)
  # UBSan findings abort, so a test that triggers one fails instead of printing a line.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

set(CHIBO_ASAN_DIR ${CMAKE_SOURCE_DIR}/build-asan CACHE PATH "Build directory of the sanitizer build")
set(CHIBO_ASAN_TARGETS "unit_domain" CACHE STRING "Targets the ctest sanitizer subset builds")
option(CHIBO_ASAN_IN_CTEST "Register the sanitizer subset with ctest" ON)
# Called after enable_testing(): the subset's build and run as two ctest entries.
function(chibo_add_asan_subset_test)
  if(NOT CHIBO_ASAN_IN_CTEST OR CHIBO_SANITIZE)
    return()
  endif()
  add_test(NAME asan_build COMMAND ${CMAKE_SOURCE_DIR}/scripts/asan-build ${CHIBO_ASAN_DIR} ${CHIBO_ASAN_TARGETS})
  set_tests_properties(asan_build PROPERTIES FIXTURES_SETUP asan_targets TIMEOUT 2400)
  add_test(NAME asan_subset COMMAND ${CMAKE_SOURCE_DIR}/scripts/asan-build --run ${CHIBO_ASAN_DIR} ${CHIBO_ASAN_TARGETS})
  set_tests_properties(asan_subset PROPERTIES FIXTURES_REQUIRED asan_targets TIMEOUT 1200)
endfunction()
