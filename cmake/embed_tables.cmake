# Writes OUT, a C++ file holding src/import/tables/*.tsv as strings, so the
# binary carries its conversion tables and needs no source tree at run time.
file(GLOB files "${DIR}/*.tsv")
list(SORT files)
set(body "#include \"import/legacy_tables.h\"\nnamespace chibo::import {\nstd::string_view legacyTable(std::string_view name) {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME_WE)
  file(READ ${f} tsv)
  set(body "${body}  if (name == \"${name}\") return R\"chibo_tsv(${tsv})chibo_tsv\";\n")
endforeach()
set(body "${body}  return {};\n}\n}  // namespace chibo::import\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
