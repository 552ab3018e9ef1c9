# The fuzz smoke of `make test`: one CTest fixture configures and builds the
# separate clang + libFuzzer project (tests/fuzz/CMakeLists.txt) into
# build-fuzz, then each target runs a fixed number of executions on its seed
# corpus. `make fuzz-long` runs the same binaries for minutes (docs/security.md).
find_program(CHIBO_CLANGXX clang++)
set(CHIBO_FUZZ_RUNS 20000 CACHE STRING "Executions per fuzz target in the ctest smoke run")
set(CHIBO_FUZZ_DIR ${CMAKE_SOURCE_DIR}/build-fuzz CACHE PATH "Build directory of the fuzz targets")
if(CHIBO_CLANGXX AND NOT CHIBO_SANITIZE)
  set(fuzz_sh ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz.sh)
  add_test(NAME fuzz_build COMMAND ${fuzz_sh} build)
  set_tests_properties(fuzz_build PROPERTIES FIXTURES_SETUP fuzz_targets TIMEOUT 1800
                       ENVIRONMENT "FUZZ_DIR=${CHIBO_FUZZ_DIR}")
  file(GLOB fuzzers CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp)
  foreach(f ${fuzzers})
    get_filename_component(target ${f} NAME_WE)
    string(REGEX REPLACE "_fuzz$" "" name ${target})
    # Mirrors tests/fuzz/CMakeLists.txt: a target for a header not yet written is not built.
    file(STRINGS ${f} uses_static REGEX "http/static_files.h")
    if(uses_static AND NOT EXISTS ${CMAKE_SOURCE_DIR}/src/http/static_files.h)
      continue()
    endif()
    add_test(NAME fuzz_${name} COMMAND ${fuzz_sh} smoke ${name} ${CHIBO_FUZZ_RUNS})
    set_tests_properties(fuzz_${name} PROPERTIES FIXTURES_REQUIRED fuzz_targets TIMEOUT 600
                         ENVIRONMENT "FUZZ_DIR=${CHIBO_FUZZ_DIR}")
  endforeach()
endif()
