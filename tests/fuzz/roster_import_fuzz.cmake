# The roster importer's readers (xlsx via libzip + expat, xls via FreeXL, csv and the legacy
# Vietnamese encodings) with their conversion tables embedded as in the main build.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
pkg_check_modules(FREEXL REQUIRED IMPORTED_TARGET freexl)
file(GLOB IMPORT_SRCS CONFIGURE_DEPENDS ${CHIBO_SRC}/src/import/*.cpp)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/legacy_tables_embedded.cpp
  COMMAND ${CMAKE_COMMAND} -DDIR=${CHIBO_SRC}/src/import/tables -DOUT=${CMAKE_BINARY_DIR}/legacy_tables_embedded.cpp
          -P ${CHIBO_SRC}/cmake/embed_tables.cmake
  DEPENDS ${CHIBO_SRC}/src/import/tables/tcvn3.tsv ${CHIBO_SRC}/src/import/tables/vni.tsv
          ${CHIBO_SRC}/cmake/embed_tables.cmake)
target_sources(${FUZZ_TARGET} PRIVATE ${IMPORT_SRCS} ${CMAKE_BINARY_DIR}/legacy_tables_embedded.cpp)
target_compile_options(${FUZZ_TARGET} PRIVATE -fsanitize=fuzzer-no-link)
target_link_libraries(${FUZZ_TARGET} PRIVATE PkgConfig::LIBZIP PkgConfig::EXPAT PkgConfig::FREEXL)
