# Writes OUT, a C++ file holding docs/openapi.json (IN) as one string, so the binary serves
# the contract it was built with and needs no source tree at run time.
file(READ ${IN} spec)
string(FIND "${spec}" ")chibo_openapi\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} holds the raw-string delimiter )chibo_openapi\"")
endif()
file(WRITE ${OUT}.tmp "#include \"http/openapi.h\"\nnamespace chibo::http {\nstd::string_view openApiDocument() {\n  return R\"chibo_openapi(${spec})chibo_openapi\";\n}\n}  // namespace chibo::http\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
